import { requirePermission } from '../../../kit/src/auth.js';
import { whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { areaPrefix } from '../domain/area-prefix.js';
import type { CoordinateSystem } from '../domain/geometry.js';
import { gridFeatureCollection, type GridFeatureCollection } from '../domain/grid-map.js';
import { Grid, type GridType } from '../entities/grid.js';

/** 一张网格图 of an area: one statement, however many grids the area holds. */
export async function gridMap(context: Context, areaCode: string, type: GridType | null | undefined, crs: CoordinateSystem): Promise<GridFeatureCollection> {
  requirePermission(context.viewer, 'grid:read');
  const qb = context.db.dataSource
    .getRepository(Grid)
    .createQueryBuilder('grid')
    .select(['grid.id', 'grid.code', 'grid.name', 'grid.type', 'grid.parentId', 'grid.communityCode', 'grid.dedicatedTo', 'grid.dedicatedKind', 'grid.boundary', 'grid.boundaryCrs'])
    .where('grid.code LIKE :prefix', { prefix: `${areaPrefix(areaCode)}%` })
    .andWhere("grid.status = 'ACTIVE'")
    .andWhere('grid.boundary IS NOT NULL')
    .orderBy('grid.code', 'ASC');
  if (type) qb.andWhere('grid.type = :type', { type });
  whereInScope(qb, context.viewer, 'grid.code');
  return gridFeatureCollection(await qb.getMany(), crs);
}
