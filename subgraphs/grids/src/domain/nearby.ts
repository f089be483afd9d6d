import { distance } from '@turf/distance';
import type { BBox, Position } from './geometry.js';

/** turf's mean earth radius, so the box and the exact distance agree on what a metre is. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;
/** A little slack so rounding never drops a point that lies exactly on the radius. */
const SLACK = 1.001;

/**
 * The box [west, south, east, north] around a point that holds every point within the
 * radius: the SQL prefilter of a nearby search. A degree of longitude shrinks with the
 * cosine of the latitude, taken at the box's edge nearer the pole. Longitudes do not
 * wrap at ±180 (the graph covers China).
 */
export function boxAround([lng, lat]: Position, radiusMeters: number): BBox {
  const dLat = (radiusMeters / METERS_PER_DEGREE) * SLACK;
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  const cos = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  return [lng - dLng, south, lng + dLng, north];
}

export interface Ranked<T> {
  item: T;
  distanceMeters: number;
}

/** The items within the radius by exact great-circle distance, nearest first (ties by id). */
export function rankByDistance<T extends { id: string; lng: number; lat: number }>(
  items: readonly T[],
  from: Position,
  radiusMeters: number,
): Ranked<T>[] {
  return items
    .map((item) => ({ item, distanceMeters: distance(from, [item.lng, item.lat], { units: 'meters' }) }))
    .filter((ranked) => ranked.distanceMeters <= radiusMeters)
    .sort(
      (a, b) => a.distanceMeters - b.distanceMeters || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
}
