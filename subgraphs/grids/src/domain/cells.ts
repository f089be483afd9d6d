import type { BBox } from './geometry.js';

/**
 * The lattice of the spatial index, in degrees of GCJ-02 (about 1 km). Small enough that
 * a cell holds a few dozen micro-grids at street density, large enough that a community
 * spans a handful of cells.
 */
export const CELL_DEGREES = 0.01;

export interface Cell {
  cellX: number;
  cellY: number;
}

/** Monotonic in each coordinate, so a point inside a box always falls in one of the box's cells. */
export function cellOf(lng: number, lat: number): Cell {
  return { cellX: Math.floor(lng / CELL_DEGREES), cellY: Math.floor(lat / CELL_DEGREES) };
}

export function cellsOfBox([west, south, east, north]: BBox): Cell[] {
  const low = cellOf(west, south);
  const high = cellOf(east, north);
  const cells: Cell[] = [];
  for (let cellX = low.cellX; cellX <= high.cellX; cellX += 1) {
    for (let cellY = low.cellY; cellY <= high.cellY; cellY += 1) cells.push({ cellX, cellY });
  }
  return cells;
}
