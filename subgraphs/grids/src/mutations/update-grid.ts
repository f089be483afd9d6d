import type { Context } from '../context.js';
import { gridNotFound, updateProblems, type GridUpdate } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { lockVisibleGrid } from './grid-facts.js';
import { mutate, refuse, refuseIf, type Outcome } from './mutate.js';

/** Renames a grid or changes a dedicated grid's organisation; codes, types and parents never change. */
export function updateGrid(context: Context, id: string, update: GridUpdate): Promise<Outcome<GridEntity>> {
  return mutate(context, async (manager) => {
    const grid = await lockVisibleGrid(context, manager, id);
    if (!grid) refuse([gridNotFound()]);
    refuseIf(updateProblems(grid, update));
    const changes: Partial<GridEntity> = {};
    if (update.name) changes.name = update.name.trim();
    if (update.dedicatedTo) changes.dedicatedTo = update.dedicatedTo.trim();
    if (update.dedicatedKind) changes.dedicatedKind = update.dedicatedKind;
    if (Object.keys(changes).length) await manager.update(Grid, { id: grid.id }, changes);
    return { ...grid, ...changes };
  });
}
