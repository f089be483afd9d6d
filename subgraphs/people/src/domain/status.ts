import type { PersonStatus } from './enums.js';
import { isCalendarDate } from './dates.js';
import type { Problem } from '../../../kit/src/problems.js';

/**
 * Status changes outside moves: a death (from ACTIVE or MOVED_OUT), and a correction back
 * to ACTIVE of a death recorded in error. Moves in and out of the register go through
 * `movePerson`, so that the residence history stays complete. Nobody is ever deleted.
 */
export function statusChangeProblems(
  person: { status: PersonStatus; birthDate: string; statusSince: string | null },
  change: { status: PersonStatus; since: string; reason: string },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (change.status === person.status) {
    problems.push({ code: 'INVALID_STATUS_CHANGE', field: 'status', message: '人员已是该状态' });
  } else if (change.status === 'MOVED_OUT' || (change.status === 'ACTIVE' && person.status === 'MOVED_OUT')) {
    problems.push({
      code: 'USE_MOVE_PERSON',
      field: 'status',
      message: '迁入、迁出请使用迁移登记（movePerson），以保留居住历史',
    });
  }
  if (!isCalendarDate(change.since) || change.since > today || change.since < person.birthDate) {
    problems.push({ code: 'INVALID_DATE', field: 'since', message: '状态日期应在出生日期之后且不晚于今天' });
  }
  if (!change.reason.trim()) problems.push({ code: 'REASON_REQUIRED', field: 'reason', message: '请填写状态变更原因' });
  return problems;
}
