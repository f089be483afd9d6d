import { problem, type Problem } from './problems.js';
import { liesWithin, type Drawn } from './spatial.js';

export interface DrawnGrid {
  code: string;
  drawn: Drawn;
}

/**
 * A boundary lies inside the boundary of the grid that holds it (a micro-grid in its
 * general grid; a general or dedicated grid in its community total grid) and holds the
 * boundaries of the grids inside it. Grids without a boundary constrain nothing.
 */
export function boundaryPlacementProblems(boundary: Drawn, container: DrawnGrid | null, children: readonly DrawnGrid[], field = 'boundary.geometry'): Problem[] {
  if (container && !liesWithin(boundary, container.drawn)) {
    return [problem('OUTSIDE_PARENT', field, `边界超出了上级网格 ${container.code} 的范围`)];
  }
  const outside = children.filter((child) => !liesWithin(child.drawn, boundary)).map((child) => child.code);
  if (outside.length) {
    return [problem('CHILD_OUTSIDE_BOUNDARY', field, `下级网格 ${outside.slice(0, 5).join('、')}${outside.length > 5 ? ' 等' : ''} 不在新边界之内`)];
  }
  return [];
}
