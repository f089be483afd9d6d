import type { EntityManager } from 'typeorm';
import { boundaryColumns, type BoundaryColumns } from '../domain/boundary-columns.js';
import type { CoordinateSystem, GridGeometry } from '../domain/geometry.js';
import { Grid } from '../entities/grid.js';
import { GridCell } from '../entities/grid-cell.js';

/** Stores a boundary (or clears it) with its box and the cells of the spatial index. */
export async function writeBoundary(
  manager: EntityManager,
  gridId: string,
  geometry: GridGeometry | null,
  crs: CoordinateSystem,
): Promise<BoundaryColumns> {
  const { columns, cells } = boundaryColumns(geometry, crs);
  await manager.update(Grid, { id: gridId }, columns);
  await manager.delete(GridCell, { gridId });
  if (cells.length)
    await manager.insert(
      GridCell,
      cells.map((cell) => ({ ...cell, gridId })),
    );
  return columns;
}
