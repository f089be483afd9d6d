import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor, sees } from '../domain/access.js';
import { DEFAULT_POINTS_PER_HOUR, pointsFor } from '../domain/points.js';
import { confirmation } from '../domain/service-records.js';
import { Activity, type ActivityEntity } from '../entities/activity.js';
import { PointRate } from '../entities/point-rate.js';
import { ServiceRecord, type ServiceRecordEntity } from '../entities/service-record.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { appendEntry } from '../ledger.js';
import { orRefuse, refuse } from '../refusal.js';
import { changed, currentTime } from '../sql.js';
import { isOrganizer, requireStanding } from './actors.js';
import { recordChange } from './record-history.js';

export interface RecordFacts {
  record: ServiceRecordEntity;
  volunteer: VolunteerEntity;
  /** Null for an OPENING record. */
  activity: ActivityEntity | null;
}

/** A record the viewer may see: their own, or one served or held in their scope. */
export async function visibleRecord(context: Context, recordId: string, field = 'recordId'): Promise<RecordFacts> {
  const { dataSource } = context.db;
  const record = await dataSource.getRepository(ServiceRecord).findOneBy({ id: recordId });
  const volunteer = record ? await dataSource.getRepository(Volunteer).findOneBy({ id: record.volunteerId }) : null;
  if (!record || !volunteer) refuse('RECORD_NOT_FOUND', field);
  const { viewer } = context;
  if (!sees(viewer, volunteer, [record.areaCode, record.volunteerAreaCode])) refuse('RECORD_NOT_FOUND', field);
  const activity = record.activityId ? await dataSource.getRepository(Activity).findOneBy({ id: record.activityId }) : null;
  return { record, volunteer, activity };
}

/**
 * Who certifies a record: the organiser of its activity; for an OPENING record, a worker
 * of where the volunteer lives.
 */
export async function requireCertifier(context: Context, facts: RecordFacts): Promise<void> {
  const allowed = facts.activity ? await isOrganizer(context, facts.activity) : isWorkerFor(context.viewer, facts.volunteer.areaCode);
  if (!allowed) refuse('NOT_ORGANIZER', 'recordId');
}

/**
 * Confirms a pending record, as computed or adjusted with a reason, and credits its points
 * at today's rate for the category, all in one transaction. The UPDATE names the PENDING
 * status, so a record is confirmed (and paid) once.
 */
export async function confirmServiceRecord(context: Context, input: { recordId: string; hours?: number | null; reason?: string | null }): Promise<ServiceRecordEntity> {
  requireStanding(context);
  const facts = await visibleRecord(context, input.recordId);
  const { record, volunteer, activity } = facts;
  await requireCertifier(context, facts);
  const { confirmation: confirmed } = orRefuse(confirmation(record, activity?.status ?? 'FINISHED', input.hours, input.reason));
  const rate = record.category ? await context.db.dataSource.getRepository(PointRate).findOneBy({ category: record.category }) : null;
  const pointsPerHour = rate?.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR;
  const after: ServiceRecordEntity = { ...record, minutes: confirmed.minutes, status: 'CONFIRMED', confirmedAt: currentTime(), confirmedBy: context.viewer.subject, pointsPerHour };
  await inTransaction(context.db, async (manager) => {
    const result = await manager.getRepository(ServiceRecord).update(
      { id: record.id, status: 'PENDING' },
      { minutes: after.minutes, status: after.status, confirmedAt: after.confirmedAt, confirmedBy: after.confirmedBy, pointsPerHour },
    );
    if (!changed(result)) refuse('RECORD_ALREADY_CONFIRMED', 'recordId');
    const adjusted = confirmed.adjustmentReason !== null;
    await recordChange(manager, {
      record: after,
      kind: adjusted ? 'ADJUSTED' : 'CONFIRMED',
      by: context.viewer.subject,
      before: { minutes: record.computedMinutes, status: 'PENDING' },
      reason: confirmed.adjustmentReason,
    });
    const points = pointsFor(after.minutes, pointsPerHour);
    if (points > 0) {
      await appendEntry(manager, context.db, { volunteer, type: 'EARN', points, by: context.viewer.subject, serviceRecordId: record.id, note: record.title });
    }
  });
  return after;
}
