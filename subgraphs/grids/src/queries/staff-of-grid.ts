import { present } from '../../../kit/src/loaders.js';
import type { Context } from '../context.js';
import type { StaffRole } from '../domain/enums.js';
import type { GridStaffEntity } from '../entities/grid-staff.js';

const ROLE_ORDER: StaffRole[] = ['GRID_WORKER', 'MICRO_GRID_LEADER', 'MICRO_GRID_WORKER', 'BUILDING_STEWARD'];

/** Staff of a grid through its assignments (open ones unless asked for history), in role order. */
export async function staffOfGrid(
  context: Context,
  gridId: string,
  filter: { role?: StaffRole | null; includeEnded?: boolean | null },
): Promise<GridStaffEntity[]> {
  const loader = filter.includeEnded ? context.loaders.assignmentsByGrid : context.loaders.openAssignmentsByGrid;
  const assignments = await loader.load(gridId);
  const staff = present(
    await context.loaders.staffById.loadMany([...new Set(assignments.map((assignment) => assignment.staffId))]),
  );
  return staff
    .filter((member) => !filter.role || member.role === filter.role)
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}
