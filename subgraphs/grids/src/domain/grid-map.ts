import { convertGeometry } from './crs.js';
import type { DedicatedKind, GridType } from './enums.js';
import type { CoordinateSystem, GridGeometry } from './geometry.js';
import type { StationFeature } from './station-map.js';

/** What the map needs of a grid row (a grid entity has these columns). */
export interface MappedGrid {
  id: string;
  code: string;
  name: string;
  type: GridType;
  parentId: string | null;
  communityCode: string;
  dedicatedTo: string | null;
  dedicatedKind: DedicatedKind | null;
  boundary?: GridGeometry | null;
  boundaryCrs: CoordinateSystem | null;
}

export interface GridFeature {
  type: 'Feature';
  id: string;
  geometry: GridGeometry;
  properties: Omit<MappedGrid, 'boundary' | 'boundaryCrs'> & { layer: 'GRIDS'; sourceCrs: CoordinateSystem };
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  /**
   * A foreign member naming the system the coordinates are in (RFC 7946 assumes WGS-84).
   * Not `crs`: readers of the 2008 format parse that member as an object and fail.
   */
  coordinateSystem: CoordinateSystem;
  features: (GridFeature | StationFeature)[];
}

/**
 * 一张网格图: grids with boundaries as one FeatureCollection, every boundary in the system
 * asked for, then the points of other layers (service stations). `properties.layer`
 * tells a map which layer a feature belongs to.
 */
export function gridFeatureCollection(
  grids: readonly MappedGrid[],
  crs: CoordinateSystem,
  points: readonly StationFeature[] = [],
): GridFeatureCollection {
  const features: (GridFeature | StationFeature)[] = [];
  for (const { boundary, boundaryCrs, ...properties } of grids) {
    if (!boundary) continue;
    const sourceCrs = boundaryCrs ?? 'GCJ02';
    features.push({
      type: 'Feature',
      id: properties.id,
      geometry: convertGeometry(boundary, sourceCrs, crs),
      properties: { ...properties, layer: 'GRIDS', sourceCrs },
    });
  }
  features.push(...points);
  return { type: 'FeatureCollection', coordinateSystem: crs, features };
}
