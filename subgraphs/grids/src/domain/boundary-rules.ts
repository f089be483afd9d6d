import { problem, type Problem } from '../../../kit/src/problems.js';
import type { CoordinateSystem, GridGeometry } from './geometry.js';
import { liesWithin, type Drawn } from './spatial.js';

export interface DrawnGrid {
  code: string;
  drawn: Drawn;
}

/** A grid row's boundary as drawn, or null when it has none (or it was not read). */
export function drawnOf(
  grid: { code: string; boundary?: GridGeometry | null; boundaryCrs: CoordinateSystem | null } | null,
): DrawnGrid | null {
  if (!grid?.boundary) return null;
  return { code: grid.code, drawn: { geometry: grid.boundary, crs: grid.boundaryCrs ?? 'GCJ02' } };
}

/**
 * A boundary lies inside the boundary of the grid that holds it (a micro-grid in its
 * general grid; a general or dedicated grid in its community total grid) and holds the
 * boundaries of the grids inside it. Grids without a boundary constrain nothing.
 */
export function boundaryPlacementProblems(
  boundary: Drawn,
  container: DrawnGrid | null,
  children: readonly DrawnGrid[],
  field = 'boundary.geometry',
): Problem[] {
  if (container && !liesWithin(boundary, container.drawn)) {
    return [problem('OUTSIDE_PARENT', field, `边界超出了上级网格 ${container.code} 的范围`)];
  }
  const outside = children.filter((child) => !liesWithin(child.drawn, boundary)).map((child) => child.code);
  if (outside.length) {
    return [
      problem(
        'CHILD_OUTSIDE_BOUNDARY',
        field,
        `下级网格 ${outside.slice(0, 5).join('、')}${outside.length > 5 ? ' 等' : ''} 不在新边界之内`,
      ),
    ];
  }
  return [];
}
