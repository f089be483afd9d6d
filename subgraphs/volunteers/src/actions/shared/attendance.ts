import { refuse } from '../../../../kit/src/problems.js';
import { storedNow, wholeSeconds } from '../../../../kit/src/time.js';
import type { Context } from '../../context.js';
import { isSelf } from '../../domain/access.js';
import type { AttendanceRequest } from '../../domain/attendance.js';
import { problem } from '../../domain/problems.js';
import { isOrganizer, requireStanding } from './actors.js';
import { type EnrolmentFacts, visibleEnrolment } from './enrolments.js';

export interface AttendanceInput {
  enrolmentId: string;
  at?: Date | null;
}

/** Attendance is the volunteer's own, or recorded by the organiser of the activity. */
export async function attendance(
  context: Context,
  input: AttendanceInput,
): Promise<EnrolmentFacts & { request: AttendanceRequest }> {
  requireStanding(context);
  const facts = await visibleEnrolment(context, input.enrolmentId);
  const byOrganizer = await isOrganizer(context, facts.activity);
  if (!byOrganizer && !isSelf(context.viewer, facts.volunteer)) refuse(problem('NOT_OWNER', 'enrolmentId'));
  const at = input.at ? wholeSeconds(input.at) : null;
  return {
    ...facts,
    request: { activity: facts.activity, enrolment: facts.enrolment, at, byOrganizer, now: storedNow() },
  };
}
