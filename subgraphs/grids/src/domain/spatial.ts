import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanWithin } from '@turf/boolean-within';
import { convertGeometry } from './crs.js';
import type { CoordinateSystem, GridGeometry, Position } from './geometry.js';

/** A boundary with the system it was drawn in. */
export interface Drawn {
  geometry: GridGeometry;
  crs: CoordinateSystem;
}

/** Every comparison happens in GCJ-02, whatever each boundary was drawn in. */
export function inGcj02(drawn: Drawn): GridGeometry {
  return convertGeometry(drawn.geometry, drawn.crs, 'GCJ02');
}

/** True when `inner` lies inside `outer`; shared edges count as inside (grids tile their parent). */
export function liesWithin(inner: Drawn, outer: Drawn): boolean {
  return booleanWithin(inGcj02(inner), inGcj02(outer));
}

/** True when the GCJ-02 point is inside the boundary or on its edge. */
export function containsPoint(drawn: Drawn, point: Position): boolean {
  return booleanPointInPolygon(point, inGcj02(drawn));
}
