import type { ActivityFacts, EnrolmentStatus } from './enrolment.js';
import { problem, type Problem } from './problems.js';

export type { EnrolmentStatus } from './enrolment.js';

export interface AttendanceRequest {
  activity: ActivityFacts;
  enrolment: { status: EnrolmentStatus; checkedInAt: Date | null };
  /** The time asked for, or null for now. */
  at: Date | null;
  byOrganizer: boolean;
  now: Date;
}

/**
 * Who may set the time, and when attendance is open: a volunteer checks in and out now,
 * while the activity is ONGOING; an organiser may record a sign-in sheet's times while it
 * is ONGOING or after it FINISHED. No time is in the future.
 */
function commonProblem(request: AttendanceRequest): Problem | null {
  if (request.at && !request.byOrganizer) return problem('TIME_SET_BY_ORGANIZER', 'at');
  const open = request.activity.status === 'ONGOING' || (request.byOrganizer && request.activity.status === 'FINISHED');
  if (!open) return problem('ACTIVITY_NOT_ONGOING', 'enrolmentId');
  if (request.at && request.at.getTime() > request.now.getTime()) return problem('TIME_IN_FUTURE', 'at');
  return null;
}

export function checkInProblem(request: AttendanceRequest): Problem | null {
  const { enrolment } = request;
  if (enrolment.status === 'CANCELLED') return problem('ENROLMENT_CANCELLED', 'enrolmentId');
  if (enrolment.status === 'CHECKED_IN' || enrolment.status === 'CHECKED_OUT')
    return problem('ALREADY_CHECKED_IN', 'enrolmentId');
  const common = commonProblem(request);
  if (common) return common;
  const at = request.at ?? request.now;
  if (at.getTime() >= request.activity.endsAt.getTime())
    return problem('CHECK_IN_AFTER_END', request.at ? 'at' : 'enrolmentId');
  return null;
}

export function checkOutProblem(request: AttendanceRequest): Problem | null {
  const { enrolment } = request;
  if (enrolment.status === 'CANCELLED') return problem('ENROLMENT_CANCELLED', 'enrolmentId');
  if (enrolment.status === 'ENROLLED' || !enrolment.checkedInAt) return problem('CHECK_IN_REQUIRED', 'enrolmentId');
  if (enrolment.status === 'CHECKED_OUT') return problem('ALREADY_CHECKED_OUT', 'enrolmentId');
  const common = commonProblem(request);
  if (common) return common;
  const at = request.at ?? request.now;
  if (at.getTime() < enrolment.checkedInAt.getTime()) return problem('CHECK_OUT_BEFORE_CHECK_IN', 'at');
  return null;
}
