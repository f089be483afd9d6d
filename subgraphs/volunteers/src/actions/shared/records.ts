import { refuse } from '../../../../kit/src/problems.js';
import type { Context } from '../../context.js';
import { isWorkerFor, sees } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { Activity, type ActivityEntity } from '../../entities/activity.js';
import { ServiceRecord, type ServiceRecordEntity } from '../../entities/service-record.js';
import { Volunteer, type VolunteerEntity } from '../../entities/volunteer.js';
import { isOrganizer } from './actors.js';

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
  if (!record || !volunteer) refuse(problem('RECORD_NOT_FOUND', field));
  const { viewer } = context;
  if (!sees(viewer, volunteer, [record.areaCode, record.volunteerAreaCode])) refuse(problem('RECORD_NOT_FOUND', field));
  const activity = record.activityId
    ? await dataSource.getRepository(Activity).findOneBy({ id: record.activityId })
    : null;
  return { record, volunteer, activity };
}

/**
 * Who certifies a record: the organiser of its activity; for an OPENING record, a worker
 * of where the volunteer lives.
 */
export async function requireCertifier(context: Context, facts: RecordFacts): Promise<void> {
  const allowed = facts.activity
    ? await isOrganizer(context, facts.activity)
    : isWorkerFor(context.viewer, facts.volunteer.areaCode);
  if (!allowed) refuse(problem('NOT_ORGANIZER', 'recordId'));
}
