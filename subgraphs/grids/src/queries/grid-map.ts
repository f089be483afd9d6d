import { requirePermission } from '../../../kit/src/auth.js';
import { whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { areaPrefix } from '../domain/area-prefix.js';
import type { CoordinateSystem } from '../domain/geometry.js';
import { gridFeatureCollection, type GridFeatureCollection, type MappedGrid } from '../domain/grid-map.js';
import { stationFeatures, type StationFeature } from '../domain/station-map.js';
import type { GridType } from '../domain/enums.js';
import { Grid } from '../entities/grid.js';
import { ServiceStation } from '../entities/service-station.js';

export type GridMapLayer = 'GRIDS' | 'SERVICE_STATIONS';

function mappedGrids(context: Context, prefix: string, type: GridType | null | undefined): Promise<MappedGrid[]> {
  const qb = context.db.dataSource
    .getRepository(Grid)
    .createQueryBuilder('grid')
    .select([
      'grid.id',
      'grid.code',
      'grid.name',
      'grid.type',
      'grid.parentId',
      'grid.communityCode',
      'grid.dedicatedTo',
      'grid.dedicatedKind',
      'grid.boundary',
      'grid.boundaryCrs',
    ])
    .where('grid.code LIKE :prefix', { prefix: `${prefix}%` })
    .andWhere("grid.status = 'ACTIVE'")
    .andWhere('grid.boundary IS NOT NULL')
    .orderBy('grid.code', 'ASC');
  if (type) qb.andWhere('grid.type = :type', { type });
  whereInScope(qb, context.viewer, 'grid.code');
  return qb.getMany();
}

async function mappedStations(context: Context, prefix: string, crs: CoordinateSystem): Promise<StationFeature[]> {
  const qb = context.db.dataSource
    .getRepository(ServiceStation)
    .createQueryBuilder('station')
    .where('station.areaCode LIKE :prefix', { prefix: `${prefix}%` })
    .andWhere("station.status = 'ACTIVE'")
    .orderBy('station.areaCode', 'ASC')
    .addOrderBy('station.id', 'ASC');
  whereInScope(qb, context.viewer, 'station.areaCode');
  return stationFeatures(await qb.getMany(), crs, new Date());
}

/** 一张网格图 of an area: one statement per layer, however many grids and stations the area holds. */
export async function gridMap(
  context: Context,
  areaCode: string,
  options: { type?: GridType | null; crs: CoordinateSystem; layers: readonly GridMapLayer[] },
): Promise<GridFeatureCollection> {
  requirePermission(context.viewer, 'grid:read');
  const prefix = areaPrefix(areaCode);
  const [grids, stations] = await Promise.all([
    options.layers.includes('GRIDS') ? mappedGrids(context, prefix, options.type) : [],
    options.layers.includes('SERVICE_STATIONS') ? mappedStations(context, prefix, options.crs) : [],
  ]);
  return gridFeatureCollection(grids, options.crs, stations);
}
