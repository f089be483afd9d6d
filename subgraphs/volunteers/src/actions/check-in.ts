import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import type { Context } from '../context.js';
import { checkInProblem } from '../domain/attendance.js';
import { problem } from '../domain/problems.js';
import { Enrolment, type EnrolmentEntity } from '../entities/enrolment.js';
import { attendance, type AttendanceInput } from './shared/attendance.js';

/**
 * Checks in, now or (by the organiser) at a given time. The UPDATE names ENROLLED, so a
 * volunteer pressing twice checks in once.
 */
export async function checkIn(context: Context, input: AttendanceInput): Promise<EnrolmentEntity> {
  const { enrolment, request } = await attendance(context, input);
  refuseIf(checkInProblem(request));
  const checkedInAt = request.at ?? request.now;
  const result = await context.db.dataSource
    .getRepository(Enrolment)
    .update({ id: enrolment.id, status: 'ENROLLED' }, { status: 'CHECKED_IN', checkedInAt });
  if (!changed(result)) refuse(problem('ALREADY_CHECKED_IN', 'enrolmentId'));
  return { ...enrolment, status: 'CHECKED_IN', checkedInAt };
}
