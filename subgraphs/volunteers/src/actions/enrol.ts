import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed, latestRow } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { enrolmentProblem } from '../domain/enrolment.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { Activity } from '../entities/activity.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { requireStanding, targetVolunteer, visibleActivity } from './shared/actors.js';

/**
 * Takes a place in an activity. The place is taken by one conditional UPDATE
 * (`enrolled_count < capacity`, still published, not started) that also locks the
 * activity's row until the transaction ends, so a hundred volunteers pressing at once
 * never overbook it and one volunteer pressing twice enrols once.
 */
export async function enrol(
  context: Context,
  input: { activityId: string; volunteerId?: string | null },
): Promise<EnrolmentEntity> {
  requireStanding(context);
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const activity = await visibleActivity(context, input.activityId);
  const key = { activityId: activity.id, volunteerId: volunteer.id };
  const now = storedNow();
  refuseIf(enrolmentProblem(activity, await context.db.dataSource.getRepository(Enrolment).findOneBy(key), now));
  try {
    return await inTransaction(context.db, async (manager) => {
      const taken = await manager
        .createQueryBuilder()
        .update(Activity)
        .set({ enrolledCount: () => 'enrolled_count + 1' })
        .where("id = :id AND status = 'PUBLISHED' AND enrolled_count < capacity AND starts_at > :now", {
          id: activity.id,
          now,
        })
        .execute();
      const existing = await manager.getRepository(Enrolment).findOneBy(key);
      if (!changed(taken)) {
        const current = await latestRow(manager, context.db, Activity, activity.id);
        refuse(enrolmentProblem(current, existing, now) ?? problem('ACTIVITY_FULL', 'activityId'));
      }
      if (existing && existing.status !== 'CANCELLED') refuse(problem('ALREADY_ENROLLED', 'activityId'));
      const enrolment: EnrolmentEntity = {
        id: existing?.id ?? newId(),
        ...key,
        areaCode: activity.areaCode,
        volunteerAreaCode: volunteer.areaCode,
        status: 'ENROLLED',
        enrolledAt: now,
        cancelledAt: null,
        checkedInAt: null,
        checkedOutAt: null,
      };
      if (existing) await manager.getRepository(Enrolment).update({ id: existing.id, status: 'CANCELLED' }, enrolment);
      else await manager.getRepository(Enrolment).insert(enrolment);
      return enrolment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) refuse(problem('ALREADY_ENROLLED', 'activityId'));
    throw error;
  }
}
