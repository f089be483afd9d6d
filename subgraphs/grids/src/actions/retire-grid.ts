import { IsNull, Not, type EntityManager } from 'typeorm';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { gridNotFound, retireProblems } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { GridCell } from '../entities/grid-cell.js';
import { ServiceStation } from '../entities/service-station.js';
import { StaffAssignment } from '../entities/staff-assignment.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

/** Grids that keep a grid from retiring: for a community total grid, every other active grid of the community. */
function countActiveDependants(manager: EntityManager, grid: GridEntity): Promise<number> {
  if (grid.type === 'COMMUNITY_TOTAL')
    return manager.countBy(Grid, { communityCode: grid.communityCode, status: 'ACTIVE', id: Not(grid.id) });
  if (grid.type === 'GENERAL') return manager.countBy(Grid, { parentId: grid.id, status: 'ACTIVE' });
  return Promise.resolve(0);
}

function countOpenAssignments(manager: EntityManager, gridId: string): Promise<number> {
  return manager.countBy(StaffAssignment, { gridId, endedAt: IsNull() });
}

/** Retires a grid; the row and its boundary stay as history, the spatial index forgets it. */
export function retireGrid(context: Context, id: string): Promise<Payload<'grid', GridEntity>> {
  return mutate(context, 'grid', async (manager) => {
    const grid = await lockVisibleGrid(context, manager, id);
    if (!grid) refuse([gridNotFound()]);
    const activeStations = await manager.countBy(ServiceStation, { gridId: grid.id, status: 'ACTIVE' });
    refuseIf(
      retireProblems(
        grid,
        await countActiveDependants(manager, grid),
        await countOpenAssignments(manager, grid.id),
        activeStations,
      ),
    );
    const retiredAt = storedNow();
    await manager.update(Grid, { id: grid.id }, { status: 'RETIRED', retiredAt });
    await manager.delete(GridCell, { gridId: grid.id });
    return { ...grid, status: 'RETIRED' as const, retiredAt };
  });
}
