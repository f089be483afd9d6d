import type { Context } from '../context.js';
import { gridNotFound, retireProblems } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { GridCell } from '../entities/grid-cell.js';
import { ServiceStation } from '../entities/service-station.js';
import { countActiveDependants, countOpenAssignments, lockVisibleGrid } from './grid-facts.js';
import { mutate, refuse, refuseIf, wholeSeconds, type Outcome } from './mutate.js';

/** Retires a grid; the row and its boundary stay as history, the spatial index forgets it. */
export function retireGrid(context: Context, id: string): Promise<Outcome<GridEntity>> {
  return mutate(context, async (manager) => {
    const grid = await lockVisibleGrid(context, manager, id);
    if (!grid) refuse([gridNotFound()]);
    const activeStations = await manager.countBy(ServiceStation, { gridId: grid.id, status: 'ACTIVE' });
    refuseIf(retireProblems(grid, await countActiveDependants(manager, grid), await countOpenAssignments(manager, grid.id), activeStations));
    const retiredAt = wholeSeconds();
    await manager.update(Grid, { id: grid.id }, { status: 'RETIRED', retiredAt });
    await manager.delete(GridCell, { gridId: grid.id });
    return { ...grid, status: 'RETIRED' as const, retiredAt };
  });
}
