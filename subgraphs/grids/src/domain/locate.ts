import type { GridType } from './enums.js';
import type { CoordinateSystem, GridGeometry, Position } from './geometry.js';
import { containsPoint } from './spatial.js';

/**
 * Finest first. A dedicated grid is one organisation's grounds (a school, a market) carved
 * out of the residential grids around it, so it wins over the micro-grid it lies in.
 */
const FINENESS: Record<GridType, number> = { DEDICATED: 0, MICRO: 1, GENERAL: 2, COMMUNITY_TOTAL: 3 };

export interface LocatableGrid {
  code: string;
  type: GridType;
  boundary?: GridGeometry | null;
  boundaryCrs: CoordinateSystem | null;
}

/** The finest candidate whose boundary contains the GCJ-02 point; on a shared edge, the lower code. */
export function finestContaining<T extends LocatableGrid>(candidates: readonly T[], point: Position): T | null {
  const containing = candidates.filter(
    (grid) => !!grid.boundary && containsPoint({ geometry: grid.boundary, crs: grid.boundaryCrs ?? 'GCJ02' }, point),
  );
  containing.sort((a, b) => FINENESS[a.type] - FINENESS[b.type] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return containing[0] ?? null;
}
