import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import { gridNotFound, updateProblems, type GridUpdate } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

/** Renames a grid or changes a dedicated grid's organisation; codes, types and parents never change. */
export function updateGrid(context: Context, id: string, update: GridUpdate): Promise<Payload<'grid', GridEntity>> {
  return mutate(context, 'grid', async (manager) => {
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
