import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { requirePermission, type Viewer } from '../../../kit/src/auth.js';
import { whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { cellOf } from '../domain/cells.js';
import { convertPosition } from '../domain/crs.js';
import type { CoordinateSystem, Position } from '../domain/geometry.js';
import { finestContaining } from '../domain/locate.js';
import { checkCoordinateArguments } from './coordinate-arguments.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { GridCell } from '../entities/grid-cell.js';

/**
 * The bounding-box prefilter: one statement, an equality lookup of the point's cell in
 * the spatial index, then the GCJ-02 box of each grid found there. Only the grids whose
 * box holds the point come back for the exact test.
 */
export function locateCandidatesQuery(
  dataSource: DataSource,
  viewer: Viewer,
  [lng, lat]: Position,
): SelectQueryBuilder<GridEntity> {
  const qb = dataSource
    .getRepository(Grid)
    .createQueryBuilder('grid')
    .addSelect('grid.boundary')
    .innerJoin(GridCell.options.name, 'cell', 'cell.gridId = grid.id')
    .where('cell.cellX = :cellX AND cell.cellY = :cellY', { ...cellOf(lng, lat) })
    .andWhere('grid.minLng <= :lng AND grid.maxLng >= :lng AND grid.minLat <= :lat AND grid.maxLat >= :lat', {
      lng,
      lat,
    })
    .andWhere("grid.status = 'ACTIVE'");
  return whereInScope(qb, viewer, 'grid.code');
}

/** The finest active grid containing the point: prefilter in SQL, then turf's point-in-polygon. */
export async function locateGrid(
  context: Context,
  lng: number,
  lat: number,
  crs: CoordinateSystem,
): Promise<GridEntity | null> {
  requirePermission(context.viewer, 'grid:read');
  checkCoordinateArguments(lng, lat);
  const point = convertPosition([lng, lat], crs, 'GCJ02');
  return finestContaining(await locateCandidatesQuery(context.db.dataSource, context.viewer, point).getMany(), point);
}
