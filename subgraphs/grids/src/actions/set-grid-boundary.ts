import type { EntityManager } from 'typeorm';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import { boundaryPlacementProblems, drawnOf, type DrawnGrid } from '../domain/boundary-rules.js';
import { parseBoundary, type CoordinateSystem } from '../domain/geometry.js';
import { gridNotFound, gridRetired } from '../domain/grid-rules.js';
import type { GridEntity } from '../entities/grid.js';
import { containerOf, lockVisibleGrid, withBoundary } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';
import { writeBoundary } from './write-boundary.js';

export interface SetBoundaryRequest {
  gridId: string;
  boundary?: { crs: CoordinateSystem; geometry: unknown } | null;
}

/** Active grids directly inside: a general grid's micro-grids, the general and dedicated grids of a community. */
function activeChildren(manager: EntityManager, grid: GridEntity): Promise<GridEntity[]> {
  const active = withBoundary(manager).where("grid.status = 'ACTIVE'");
  if (grid.type === 'GENERAL') return active.andWhere('grid.parentId = :id', { id: grid.id }).getMany();
  if (grid.type === 'COMMUNITY_TOTAL') {
    return active
      .andWhere("grid.communityCode = :code AND grid.type IN ('GENERAL', 'DEDICATED')", { code: grid.communityCode })
      .getMany();
  }
  return Promise.resolve([]);
}

/** Draws (or clears) a grid's boundary: inside the grid that holds it, around the grids it holds. */
export function setGridBoundary(context: Context, request: SetBoundaryRequest): Promise<Payload<'grid', GridEntity>> {
  return mutate(context, 'grid', async (manager) => {
    const parsed = request.boundary ? parseBoundary(request.boundary.geometry) : null;
    refuseIf(parsed?.problems ?? []);
    const grid = await lockVisibleGrid(context, manager, request.gridId);
    if (!grid) refuse([gridNotFound('gridId')]);
    if (grid.status !== 'ACTIVE') refuse([gridRetired('gridId')]);
    const crs = request.boundary?.crs ?? 'GCJ02';
    if (parsed?.geometry) {
      const children = (await activeChildren(manager, grid))
        .map(drawnOf)
        .filter((child): child is DrawnGrid => child !== null);
      refuseIf(
        boundaryPlacementProblems(
          { geometry: parsed.geometry, crs },
          drawnOf(await containerOf(context, manager, grid)),
          children,
        ),
      );
    }
    return { ...grid, ...(await writeBoundary(manager, grid.id, parsed?.geometry ?? null, crs)) };
  });
}
