import type { Context } from '../context.js';
import { boundaryPlacementProblems, type DrawnGrid } from '../domain/boundary-rules.js';
import { parseBoundary, type CoordinateSystem } from '../domain/geometry.js';
import { gridNotFound, gridRetired } from '../domain/grid-rules.js';
import type { GridEntity } from '../entities/grid.js';
import { activeChildren, containerOf, drawnOf, lockVisibleGrid, writeBoundary } from './grid-facts.js';
import { mutate, refuse, refuseIf, type Outcome } from './mutate.js';

export interface SetBoundaryRequest {
  gridId: string;
  boundary?: { crs: CoordinateSystem; geometry: unknown } | null;
}

/** Draws (or clears) a grid's boundary: inside the grid that holds it, around the grids it holds. */
export function setGridBoundary(context: Context, request: SetBoundaryRequest): Promise<Outcome<GridEntity>> {
  return mutate(context, async (manager) => {
    const parsed = request.boundary ? parseBoundary(request.boundary.geometry) : null;
    refuseIf(parsed?.problems ?? []);
    const grid = await lockVisibleGrid(context, manager, request.gridId);
    if (!grid) refuse([gridNotFound('gridId')]);
    if (grid.status !== 'ACTIVE') refuse([gridRetired('gridId')]);
    const crs = request.boundary?.crs ?? 'GCJ02';
    if (parsed?.geometry) {
      const children = (await activeChildren(manager, grid)).map(drawnOf).filter((child): child is DrawnGrid => child !== null);
      refuseIf(boundaryPlacementProblems({ geometry: parsed.geometry, crs }, drawnOf(await containerOf(context, manager, grid)), children));
    }
    return { ...grid, ...(await writeBoundary(manager, grid.id, parsed?.geometry ?? null, crs)) };
  });
}
