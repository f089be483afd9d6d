import { bbox } from '@turf/bbox';
import { kinks } from '@turf/kinks';
import { z } from 'zod';
import { problem, type Problem } from '../../../kit/src/problems.js';

export type CoordinateSystem = 'GCJ02' | 'WGS84';
export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type GridGeometry = PolygonGeometry | MultiPolygonGeometry;
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

/**
 * The largest box a grid may span, in degrees (about 50 km): a grid is a neighbourhood,
 * and a huge box would fill the spatial index with thousands of cells.
 */
export const MAX_EXTENT_DEGREES = 0.5;

const position = z.array(z.number()).min(2).max(3);
const polygonCoordinates = z.array(z.array(position)).min(1);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }),
]);
const featureSchema = z.object({ type: z.literal('Feature'), geometry: z.unknown() });

export function polygonsOf(geometry: GridGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometry: GridGeometry): BBox {
  const [west, south, east, north] = bbox(geometry);
  return [west, south, east, north];
}

export function mapPositions(geometry: GridGeometry, convert: (position: Position) => Position): GridGeometry {
  const rings = (polygon: Ring[]) => polygon.map((ring) => ring.map(convert));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings) };
}

export function coordinateProblem(lng: number, lat: number, field: string): Problem | null {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    return problem(
      'COORDINATE_OUT_OF_RANGE',
      field,
      '坐标超出范围：经度应在 -180 至 180 之间，纬度应在 -90 至 90 之间',
    );
  }
  return null;
}

function ringProblems(ring: number[][], field: string): Problem[] {
  if (ring.length < 4) return [problem('RING_TOO_SHORT', field, '边界的每个环至少需要 4 个坐标点（首尾相同）')];
  const found: Problem[] = [];
  const outOfRange = ring.map(([lng, lat]) => coordinateProblem(lng ?? NaN, lat ?? NaN, field)).find((p) => p !== null);
  if (outOfRange) found.push(outOfRange);
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (first[0] !== last[0] || first[1] !== last[1])
    found.push(problem('RING_NOT_CLOSED', field, '边界的环未闭合：首尾坐标必须相同'));
  return found;
}

/**
 * Checks a boundary as a client sends it: a GeoJSON Polygon or MultiPolygon, or a Feature
 * holding one; closed rings of at least four positions, coordinates in range, no
 * self-intersection, no wider than MAX_EXTENT_DEGREES. Altitudes are dropped.
 */
export function parseBoundary(
  input: unknown,
  field = 'boundary.geometry',
): { geometry: GridGeometry; problems: [] } | { geometry: null; problems: Problem[] } {
  const feature = featureSchema.safeParse(input);
  const parsed = geometrySchema.safeParse(feature.success ? feature.data.geometry : input);
  if (!parsed.success) {
    return {
      geometry: null,
      problems: [
        problem('INVALID_GEOMETRY', field, '边界必须是 GeoJSON 的 Polygon 或 MultiPolygon（坐标为 [经度, 纬度]）'),
      ],
    };
  }
  const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
  const problems = polygons.flatMap((polygon) => polygon.flatMap((ring) => ringProblems(ring, field)));
  const unique = [...new Map(problems.map((p) => [p.code, p])).values()];
  if (unique.length) return { geometry: null, problems: unique };
  const flat = (polygon: number[][][]) => polygon.map((ring) => ring.map(([lng, lat]) => [lng, lat] as Position));
  const geometry: GridGeometry =
    parsed.data.type === 'Polygon'
      ? { type: 'Polygon', coordinates: flat(parsed.data.coordinates) }
      : { type: 'MultiPolygon', coordinates: parsed.data.coordinates.map(flat) };
  if (kinks(geometry).features.length > 0) {
    return { geometry: null, problems: [problem('SELF_INTERSECTING', field, '边界自相交，请检查坐标顺序')] };
  }
  const [west, south, east, north] = bboxOf(geometry);
  if (east - west > MAX_EXTENT_DEGREES || north - south > MAX_EXTENT_DEGREES) {
    return {
      geometry: null,
      problems: [problem('BOUNDARY_TOO_LARGE', field, `网格边界跨度不能超过 ${MAX_EXTENT_DEGREES} 度（约 50 公里）`)],
    };
  }
  return { geometry, problems: [] };
}
