import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { checkOutProblem } from '../domain/attendance.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { serviceMinutes, windowMinutes } from '../domain/service-hours.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { ServiceRecord, type ServiceRecordEntity } from '../entities/service-record.js';
import { attendance, type AttendanceInput } from './shared/attendance.js';
import { recordChange } from './shared/record-history.js';

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
      const result = await manager
        .getRepository(Enrolment)
        .update({ id: enrolment.id, status: 'CHECKED_IN' }, { status: 'CHECKED_OUT', checkedOutAt });
      if (!changed(result)) refuse(problem('ALREADY_CHECKED_OUT', 'enrolmentId'));
      await manager.getRepository(ServiceRecord).insert(record);
      await recordChange(manager, {
        record,
        kind: 'CREATED',
        by: context.viewer.subject,
        before: null,
        reason: request.byOrganizer && request.at ? '组织者补录签到签退时间' : null,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) refuse(problem('ALREADY_CHECKED_OUT', 'enrolmentId'));
    throw error;
  }
  return { ...enrolment, status: 'CHECKED_OUT', checkedOutAt };
}
