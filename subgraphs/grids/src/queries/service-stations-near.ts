import { requirePermission } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import { whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { convertPosition } from '../domain/crs.js';
import type { CoordinateSystem } from '../domain/geometry.js';
import { boxAround, rankByDistance } from '../domain/nearby.js';
import { isOpenAt } from '../domain/opening-hours.js';
import { isAudienceCode, isServiceCode } from '../domain/station-catalogue.js';
import { ServiceStation } from '../entities/service-station.js';
import type { NearbyServiceStationModel } from '../mappers.js';
import { checkCoordinateArguments } from './coordinate-arguments.js';

export const MAX_RADIUS_METERS = 20_000;
export const MAX_NEARBY = 50;

export interface NearbyArgs {
  lng: number;
  lat: number;
  crs: CoordinateSystem;
  radiusMeters: number;
  first: number;
  service?: string | null;
  audience?: string | null;
  openNow?: boolean | null;
}

function checkArguments(args: NearbyArgs): void {
  checkCoordinateArguments(args.lng, args.lat);
  if (!Number.isInteger(args.radiusMeters) || args.radiusMeters < 1 || args.radiusMeters > MAX_RADIUS_METERS) {
    throw badUserInput(`radiusMeters 应为 1 至 ${MAX_RADIUS_METERS} 之间的整数（米）`, 'radiusMeters');
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_NEARBY)
    throw badUserInput(`first 应为 1 至 ${MAX_NEARBY} 之间的整数`, 'first');
  if (args.service && !isServiceCode(args.service))
    throw badUserInput(`未知的服务项目编码：${args.service}`, 'service');
  if (args.audience && !isAudienceCode(args.audience))
    throw badUserInput(`未知的服务对象编码：${args.audience}`, 'audience');
}

/**
 * Active stations near a point, nearest first. One statement: the box around the circle
 * on the indexed (lat, lng) columns, the viewer's scope and the code filters; then the
 * exact great-circle distance drops the box's corners and orders what is left.
 */
export async function serviceStationsNear(context: Context, args: NearbyArgs): Promise<NearbyServiceStationModel[]> {
  requirePermission(context.viewer, 'grid:read');
  checkArguments(args);
  const point = convertPosition([args.lng, args.lat], args.crs, 'GCJ02');
  const [west, south, east, north] = boxAround(point, args.radiusMeters);
  const qb = context.db.dataSource
    .getRepository(ServiceStation)
    .createQueryBuilder('station')
    .where('station.lat BETWEEN :south AND :north', { south, north })
    .andWhere('station.lng BETWEEN :west AND :east', { west, east })
    .andWhere("station.status = 'ACTIVE'");
  // Codes are checked against the catalogue above: letters, digits and _ only.
  if (args.service) qb.andWhere('station.services LIKE :service', { service: `%"${args.service}"%` });
  if (args.audience) qb.andWhere('station.audiences LIKE :audience', { audience: `%"${args.audience}"%` });
  whereInScope(qb, context.viewer, 'station.areaCode');
  const now = new Date();
  return rankByDistance(await qb.getMany(), point, args.radiusMeters)
    .filter((ranked) => !args.openNow || isOpenAt(ranked.item.openingHours, now))
    .slice(0, args.first)
    .map((ranked) => ({ station: ranked.item, distanceMeters: ranked.distanceMeters }));
}
