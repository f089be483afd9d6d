import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { inTransaction } from '../../../kit/src/transaction.js';
import { problem, refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow, wholeSeconds } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { gridNotFound, gridRetired } from '../domain/grid-rules.js';
import {
  assignmentConflicts,
  assignmentRequestProblems,
  coveringAreaCode,
  leaderExists,
  roleProblem,
  type AssignmentRequest,
} from '../domain/staff-rules.js';
import { Building } from '../entities/building.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { GridStaff, type GridStaffEntity } from '../entities/grid-staff.js';
import { StaffAssignment, type StaffAssignmentEntity } from '../entities/staff-assignment.js';
import { personVisible } from '../graph/people.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { act } from './mutate.js';

export interface AssignStaffRequest extends AssignmentRequest {
  gridId: string;
  personId: string;
}

/** Grid codes a staff member serves through open assignments. */
async function openGridCodes(manager: EntityManager, staffId: string): Promise<string[]> {
  const open = await manager.findBy(StaffAssignment, { staffId, endedAt: IsNull() });
  if (!open.length) return [];
  const grids = await manager.findBy(Grid, { id: In(open.map((assignment) => assignment.gridId)) });
  return grids.map((grid) => grid.code);
}

/** The person's active staff record in the role, given one more grid; or a new one. */
async function staffFor(
  manager: EntityManager,
  request: AssignStaffRequest,
  grid: GridEntity,
  now: Date,
): Promise<GridStaffEntity> {
  const workPhone = request.workPhone?.trim() || null;
  const existing = await manager.findOneBy(GridStaff, { personId: request.personId, role: request.role, active: true });
  if (existing) {
    const areaCode = coveringAreaCode([...(await openGridCodes(manager, existing.id)), grid.code]) ?? grid.code;
    const changes = { areaCode, ...(workPhone ? { workPhone } : {}) };
    await manager.update(GridStaff, { id: existing.id }, changes);
    return { ...existing, ...changes };
  }
  const staff: GridStaffEntity = {
    id: randomUUID(),
    personId: request.personId,
    role: request.role,
    areaCode: coveringAreaCode([grid.code]) ?? grid.code,
    active: true,
    workPhone,
    createdAt: now,
  };
  await manager.insert(GridStaff, staff);
  return staff;
}

/**
 * Assigns a person to a grid in a role. The person is checked through the graph before
 * the transaction opens: no network call holds a lock.
 */
export function assignStaff(
  context: Context,
  request: AssignStaffRequest,
): Promise<Payload<'assignment', StaffAssignmentEntity>> {
  return act(
    context,
    'assignment',
    async () => {
      const now = storedNow();
      const startedAt = request.startedAt ? wholeSeconds(request.startedAt) : now;
      refuseIf(assignmentRequestProblems({ ...request, startedAt }, now));
      if (!(await personVisible(context, request.personId)))
        refuse(problem('PERSON_NOT_FOUND', 'personId', '人员不存在或不在您的查看范围内'));
      return inTransaction(context.db, (manager) => place(context, manager, request, startedAt, now));
    },
    leaderExists,
  );
}

/** The checks and writes under the grid's lock. */
async function place(
  context: Context,
  manager: EntityManager,
  request: AssignStaffRequest,
  startedAt: Date,
  now: Date,
): Promise<StaffAssignmentEntity> {
  const grid = await lockVisibleGrid(context, manager, request.gridId);
  if (!grid) refuse([gridNotFound('gridId')]);
  if (grid.status !== 'ACTIVE') refuse([gridRetired('gridId')]);
  refuseIf([roleProblem(request.role, grid.type)]);
  if (request.buildingId) {
    const building = await manager.findOneBy(Building, { id: request.buildingId });
    if (building?.gridId !== grid.id) refuse([problem('BUILDING_NOT_FOUND', 'buildingId', '该网格中没有这栋楼')]);
  }
  const open = await manager.findBy(StaffAssignment, { gridId: grid.id, endedAt: IsNull() });
  const openStaff = open.length
    ? await manager.findBy(GridStaff, { id: In(open.map((assignment) => assignment.staffId)) })
    : [];
  refuseIf(
    assignmentConflicts(
      request,
      openStaff.map((staff) => ({ staffId: staff.id, personId: staff.personId, role: staff.role })),
    ),
  );
  const staff = await staffFor(manager, request, grid, now);
  const assignment: StaffAssignmentEntity = {
    id: randomUUID(),
    staffId: staff.id,
    gridId: grid.id,
    buildingId: request.buildingId ?? null,
    startedAt,
    endedAt: null,
    leaderOfGridId: request.role === 'MICRO_GRID_LEADER' ? grid.id : null,
  };
  await manager.insert(StaffAssignment, assignment);
  context.loaders.staffById.clear(staff.id);
  return assignment;
}
