import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { actsFor } from '../domain/access.js';
import { cancellationProblem } from '../domain/enrolment.js';
import { problem } from '../domain/problems.js';
import { Activity } from '../entities/activity.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { requireStanding } from './shared/actors.js';
import { visibleEnrolment } from './shared/enrolments.js';

/** Gives the place back before the start: the volunteer, or a worker of where they live. */
export async function cancelEnrolment(context: Context, input: { enrolmentId: string }): Promise<EnrolmentEntity> {
  requireStanding(context);
  const { enrolment, volunteer, activity } = await visibleEnrolment(context, input.enrolmentId);
  if (!actsFor(context.viewer, volunteer)) refuse(problem('NOT_OWNER', 'enrolmentId'));
  const now = storedNow();
  refuseIf(cancellationProblem(activity, enrolment, now));
  await inTransaction(context.db, async (manager) => {
    const cancelled = await manager
      .getRepository(Enrolment)
      .update({ id: enrolment.id, status: 'ENROLLED' }, { status: 'CANCELLED', cancelledAt: now });
    if (!changed(cancelled)) refuse(problem('ENROLMENT_CANCELLED', 'enrolmentId'));
    await manager
      .createQueryBuilder()
      .update(Activity)
      .set({ enrolledCount: () => 'enrolled_count - 1' })
      .where('id = :id AND enrolled_count > 0', { id: activity.id })
      .execute();
  });
  return { ...enrolment, status: 'CANCELLED', cancelledAt: now };
}
