import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { actsFor, sees } from '../domain/access.js';
import { cancellationProblem, enrolmentProblem } from '../domain/enrolment.js';
import { problem } from '../domain/problems.js';
import { Activity, type ActivityEntity } from '../entities/activity.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { newId } from '../ids.js';
import { Refusal, refuse, refuseIf } from '../refusal.js';
import { changed, currentTime, latestRow } from '../sql.js';
import { requireStanding, targetVolunteer, visibleActivity } from './actors.js';

/**
 * Takes a place in an activity. The place is taken by one conditional UPDATE
 * (`enrolled_count < capacity`, still published, not started) that also locks the
 * activity's row until the transaction ends, so a hundred volunteers pressing at once
 * never overbook it and one volunteer pressing twice enrols once.
 */
export async function enrol(context: Context, input: { activityId: string; volunteerId?: string | null }): Promise<EnrolmentEntity> {
  requireStanding(context);
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const activity = await visibleActivity(context, input.activityId);
  const key = { activityId: activity.id, volunteerId: volunteer.id };
  const now = currentTime();
  refuseIf(enrolmentProblem(activity, await context.db.dataSource.getRepository(Enrolment).findOneBy(key), now));
  try {
    return await inTransaction(context.db, async (manager) => {
      const taken = await manager.createQueryBuilder().update(Activity)
        .set({ enrolledCount: () => 'enrolled_count + 1' })
        .where("id = :id AND status = 'PUBLISHED' AND enrolled_count < capacity AND starts_at > :now", { id: activity.id, now })
        .execute();
      const existing = await manager.getRepository(Enrolment).findOneBy(key);
      if (!changed(taken)) {
        const current = await latestRow(manager, context.db, Activity, activity.id);
        throw new Refusal([enrolmentProblem(current, existing, now) ?? problem('ACTIVITY_FULL', 'activityId')]);
      }
      if (existing && existing.status !== 'CANCELLED') refuse('ALREADY_ENROLLED', 'activityId');
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
    if (isUniqueViolation(error)) refuse('ALREADY_ENROLLED', 'activityId');
    throw error;
  }
}

export interface EnrolmentFacts {
  enrolment: EnrolmentEntity;
  volunteer: VolunteerEntity;
  activity: ActivityEntity;
}

/** An enrolment the viewer may see (their own, or one in their scope) with its volunteer and activity. */
export async function visibleEnrolment(context: Context, enrolmentId: string): Promise<EnrolmentFacts> {
  const { dataSource } = context.db;
  const enrolment = await dataSource.getRepository(Enrolment).findOneBy({ id: enrolmentId });
  const volunteer = enrolment ? await dataSource.getRepository(Volunteer).findOneBy({ id: enrolment.volunteerId }) : null;
  const activity = enrolment ? await dataSource.getRepository(Activity).findOneBy({ id: enrolment.activityId }) : null;
  if (!enrolment || !volunteer || !activity) refuse('ENROLMENT_NOT_FOUND', 'enrolmentId');
  const { viewer } = context;
  if (!sees(viewer, volunteer, [enrolment.areaCode, enrolment.volunteerAreaCode])) refuse('ENROLMENT_NOT_FOUND', 'enrolmentId');
  return { enrolment, volunteer, activity };
}

/** Gives the place back before the start: the volunteer, or a worker of where they live. */
export async function cancelEnrolment(context: Context, input: { enrolmentId: string }): Promise<EnrolmentEntity> {
  requireStanding(context);
  const { enrolment, volunteer, activity } = await visibleEnrolment(context, input.enrolmentId);
  if (!actsFor(context.viewer, volunteer)) refuse('NOT_OWNER', 'enrolmentId');
  const now = currentTime();
  refuseIf(cancellationProblem(activity, enrolment, now));
  await inTransaction(context.db, async (manager) => {
    const cancelled = await manager.getRepository(Enrolment).update({ id: enrolment.id, status: 'ENROLLED' }, { status: 'CANCELLED', cancelledAt: now });
    if (!changed(cancelled)) refuse('ENROLMENT_CANCELLED', 'enrolmentId');
    await manager.createQueryBuilder().update(Activity)
      .set({ enrolledCount: () => 'enrolled_count - 1' })
      .where('id = :id AND enrolled_count > 0', { id: activity.id })
      .execute();
  });
  return { ...enrolment, status: 'CANCELLED', cancelledAt: now };
}
