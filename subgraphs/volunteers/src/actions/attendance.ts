import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isSelf } from '../domain/access.js';
import { checkInProblem, checkOutProblem, type AttendanceRequest } from '../domain/attendance.js';
import { wholeSeconds } from '../domain/activity-input.js';
import { serviceMinutes, windowMinutes } from '../domain/service-hours.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { ServiceRecord, type ServiceRecordEntity } from '../entities/service-record.js';
import { newId } from '../ids.js';
import { refuse, refuseIf } from '../refusal.js';
import { changed, currentTime } from '../sql.js';
import { isOrganizer, requireStanding } from './actors.js';
import { visibleEnrolment, type EnrolmentFacts } from './enrolment.js';
import { recordChange } from './record-history.js';

interface AttendanceInput {
  enrolmentId: string;
  at?: Date | null;
}

/** Attendance is the volunteer's own, or recorded by the organiser of the activity. */
async function attendance(context: Context, input: AttendanceInput): Promise<EnrolmentFacts & { request: AttendanceRequest }> {
  requireStanding(context);
  const facts = await visibleEnrolment(context, input.enrolmentId);
  const byOrganizer = await isOrganizer(context, facts.activity);
  if (!byOrganizer && !isSelf(context.viewer, facts.volunteer)) refuse('NOT_OWNER', 'enrolmentId');
  const at = input.at ? wholeSeconds(input.at) : null;
  return { ...facts, request: { activity: facts.activity, enrolment: facts.enrolment, at, byOrganizer, now: currentTime() } };
}

export async function checkIn(context: Context, input: AttendanceInput): Promise<EnrolmentEntity> {
  const { enrolment, request } = await attendance(context, input);
  refuseIf(checkInProblem(request));
  const checkedInAt = request.at ?? request.now;
  const result = await context.db.dataSource.getRepository(Enrolment).update({ id: enrolment.id, status: 'ENROLLED' }, { status: 'CHECKED_IN', checkedInAt });
  if (!changed(result)) refuse('ALREADY_CHECKED_IN', 'enrolmentId');
  return { ...enrolment, status: 'CHECKED_IN', checkedInAt };
}

/**
 * Checks out and, in the same transaction, writes the PENDING service record: the minutes
 * of [check-in, check-out] inside the activity's window. One record per enrolment.
 */
export async function checkOut(context: Context, input: AttendanceInput): Promise<EnrolmentEntity> {
  const { enrolment, volunteer, activity, request } = await attendance(context, input);
  refuseIf(checkOutProblem(request));
  const checkedOutAt = request.at ?? request.now;
  const checkedInAt = enrolment.checkedInAt!;
  const minutes = serviceMinutes(checkedInAt, checkedOutAt, activity.startsAt, activity.endsAt);
  const record: ServiceRecordEntity = {
    id: newId(),
    volunteerId: volunteer.id,
    volunteerAreaCode: volunteer.areaCode,
    activityId: activity.id,
    enrolmentId: enrolment.id,
    source: 'ACTIVITY',
    title: activity.title,
    category: activity.category,
    areaCode: activity.areaCode,
    servedAt: checkedInAt,
    checkedInAt,
    checkedOutAt,
    computedMinutes: minutes,
    minutes,
    windowMinutes: windowMinutes(activity.startsAt, activity.endsAt),
    status: 'PENDING',
    confirmedAt: null,
    confirmedBy: null,
    pointsPerHour: null,
    correctionPending: false,
  };
  try {
    await inTransaction(context.db, async (manager) => {
      const result = await manager.getRepository(Enrolment).update({ id: enrolment.id, status: 'CHECKED_IN' }, { status: 'CHECKED_OUT', checkedOutAt });
      if (!changed(result)) refuse('ALREADY_CHECKED_OUT', 'enrolmentId');
      await manager.getRepository(ServiceRecord).insert(record);
      await recordChange(manager, { record, kind: 'CREATED', by: context.viewer.subject, before: null, reason: request.byOrganizer && request.at ? '组织者补录签到签退时间' : null });
    });
  } catch (error) {
    if (isUniqueViolation(error)) refuse('ALREADY_CHECKED_OUT', 'enrolmentId');
    throw error;
  }
  return { ...enrolment, status: 'CHECKED_OUT', checkedOutAt };
}
