import { In, IsNull } from 'typeorm';
import { problem, refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow, wholeSeconds } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { coveringAreaCode, endProblems } from '../domain/staff-rules.js';
import { Grid } from '../entities/grid.js';
import { GridStaff } from '../entities/grid-staff.js';
import { StaffAssignment, type StaffAssignmentEntity } from '../entities/staff-assignment.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

export interface EndAssignmentRequest {
  staffId: string;
  gridId: string;
  endedAt?: Date | null;
}

/**
 * Ends a staff member's open assignment to a grid; it stays as history. A staff member
 * with no open assignment left is no longer active; one who still serves other grids is
 * scoped to the grids left.
 */
export function endStaffAssignment(
  context: Context,
  request: EndAssignmentRequest,
): Promise<Payload<'assignment', StaffAssignmentEntity>> {
  return mutate(context, 'assignment', async (manager) => {
    const now = storedNow();
    const endedAt = request.endedAt ? wholeSeconds(request.endedAt) : now;
    const grid = await lockVisibleGrid(context, manager, request.gridId);
    const assignment = grid
      ? await manager.findOneBy(StaffAssignment, { staffId: request.staffId, gridId: grid.id, endedAt: IsNull() })
      : null;
    if (!assignment) refuse([problem('ASSIGNMENT_NOT_FOUND', 'staffId', '该工作人员在此网格没有在任的任职')]);
    refuseIf(endProblems(endedAt, assignment.startedAt, now));
    await manager.update(StaffAssignment, { id: assignment.id }, { endedAt, leaderOfGridId: null });
    const remaining = await manager.findBy(StaffAssignment, { staffId: request.staffId, endedAt: IsNull() });
    const codes = remaining.length
      ? (await manager.findBy(Grid, { id: In(remaining.map((open) => open.gridId)) })).map((open) => open.code)
      : [];
    await manager.update(
      GridStaff,
      { id: request.staffId },
      { active: remaining.length > 0, ...(codes.length ? { areaCode: coveringAreaCode(codes) ?? undefined } : {}) },
    );
    context.loaders.staffById.clear(request.staffId);
    return { ...assignment, endedAt, leaderOfGridId: null };
  });
}
