import { cellsOfBox, type Cell } from './cells.js';
import { convertGeometry } from './crs.js';
import { bboxOf, type CoordinateSystem, type GridGeometry } from './geometry.js';

/** What a grid row stores for a boundary: the geometry as drawn, and its GCJ-02 box. */
export interface BoundaryColumns {
  boundary: GridGeometry | null;
  boundaryCrs: CoordinateSystem | null;
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
}

/** The row values and spatial-index cells of a boundary (or of none, when cleared). */
export function boundaryColumns(
  geometry: GridGeometry | null,
  crs: CoordinateSystem,
): { columns: BoundaryColumns; cells: Cell[] } {
  if (!geometry) {
    return {
      columns: { boundary: null, boundaryCrs: null, minLng: null, minLat: null, maxLng: null, maxLat: null },
      cells: [],
    };
  }
  const box = bboxOf(convertGeometry(geometry, crs, 'GCJ02'));
  const [minLng, minLat, maxLng, maxLat] = box;
  return { columns: { boundary: geometry, boundaryCrs: crs, minLng, minLat, maxLng, maxLat }, cells: cellsOfBox(box) };
}
