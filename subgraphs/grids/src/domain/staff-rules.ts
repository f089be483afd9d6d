import type { GridType, StaffRole } from './enums.js';
import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { problem, type Problem } from '../../../kit/src/problems.js';

/** Which grids each role serves: 网格员 a grid, the micro-grid roles a micro-grid. */
export const ROLE_GRID_TYPES: Record<StaffRole, readonly GridType[]> = {
  GRID_WORKER: ['GENERAL', 'DEDICATED', 'COMMUNITY_TOTAL'],
  MICRO_GRID_LEADER: ['MICRO'],
  MICRO_GRID_WORKER: ['MICRO'],
  BUILDING_STEWARD: ['MICRO'],
};

const ROLE_NAMES: Record<StaffRole, string> = {
  GRID_WORKER: '网格员',
  MICRO_GRID_LEADER: '微网格长',
  MICRO_GRID_WORKER: '微网格员',
  BUILDING_STEWARD: '楼栋管家',
};

/** Mainland mobile (13812345678) or landline with area code (028-12345678). */
export const WORK_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export interface AssignmentRequest {
  role: StaffRole;
  workPhone?: string | null;
  buildingId?: string | null;
  startedAt?: Date | null;
}

/** What an assignment request says by itself. */
export function assignmentRequestProblems(request: AssignmentRequest, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (request.workPhone && !WORK_PHONE.test(request.workPhone.trim())) {
    problems.push(problem('INVALID_PHONE', 'workPhone', '工作电话应为 11 位手机号或带区号的固定电话，如 028-12345678'));
  }
  if (request.startedAt && request.startedAt.getTime() > now.getTime()) {
    problems.push(problem('INVALID_START', 'startedAt', '任职开始时间不能晚于当前时间'));
  }
  if (request.buildingId && request.role !== 'BUILDING_STEWARD') {
    problems.push(problem('BUILDING_NOT_ALLOWED', 'buildingId', '只有楼栋管家可以指定楼栋'));
  }
  return problems;
}

export function roleProblem(role: StaffRole, gridType: GridType): Problem | null {
  if (ROLE_GRID_TYPES[role].includes(gridType)) return null;
  return problem('ROLE_NOT_FOR_GRID_TYPE', 'role', `${ROLE_NAMES[role]}不能分配到该类型的网格`);
}

export interface OpenAssignment {
  staffId: string;
  personId: string;
  role: StaffRole;
}

/** One open assignment per person and role in a grid, and one active leader per micro-grid. */
export function assignmentConflicts(
  request: { personId: string; role: StaffRole },
  openOnGrid: readonly OpenAssignment[],
): Problem[] {
  if (openOnGrid.some((open) => open.personId === request.personId && open.role === request.role)) {
    return [problem('ALREADY_ASSIGNED', 'personId', `此人已在该网格担任${ROLE_NAMES[request.role]}`)];
  }
  if (request.role === 'MICRO_GRID_LEADER' && openOnGrid.some((open) => open.role === 'MICRO_GRID_LEADER')) {
    return [leaderExists()];
  }
  return [];
}

export function leaderExists(): Problem {
  return problem('LEADER_EXISTS', 'role', '该微网格已有在任的微网格长，请先结束其任职');
}

export function endProblems(endedAt: Date, startedAt: Date, now: Date): Problem[] {
  if (endedAt.getTime() > now.getTime()) return [problem('INVALID_END', 'endedAt', '任职结束时间不能晚于当前时间')];
  if (endedAt.getTime() < startedAt.getTime())
    return [problem('END_BEFORE_START', 'endedAt', '任职结束时间不能早于开始时间')];
  return [];
}

const CODE_LENGTHS = [18, 15, 12, 9, 6];

/**
 * The finest area code covering every grid a staff member serves (a community total
 * grid stands for its community): scope applies to it.
 */
export function coveringAreaCode(gridCodes: readonly string[]): string | null {
  const prefixes = gridCodes.map(gridAreaPrefix);
  const [first, ...rest] = prefixes;
  if (first === undefined) return null;
  let common = first;
  for (const code of rest) {
    let length = 0;
    while (length < common.length && length < code.length && common[length] === code[length]) length += 1;
    common = common.slice(0, length);
  }
  const fit = CODE_LENGTHS.find((length) => length <= common.length);
  return fit === undefined ? '' : common.slice(0, fit);
}
