import { convertPosition } from './crs.js';
import type { CoordinateSystem, Position } from './geometry.js';
import { isOpenAt, openingHoursSummary, type OpeningHours } from './opening-hours.js';
import type { StationKind } from './station-catalogue.js';

/** What the map needs of a station row (a station entity has these columns). */
export interface MappedStation {
  id: string;
  name: string;
  kind: StationKind;
  operator: string;
  gridId: string;
  areaCode: string;
  services: string[];
  audiences: string[];
  openingHours: OpeningHours;
  lng: number;
  lat: number;
}

export interface StationFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: Position };
  properties: {
    layer: 'SERVICE_STATIONS';
    id: string;
    name: string;
    kind: string;
    operator: string;
    gridId: string;
    gridCode: string;
    services: string[];
    audiences: string[];
    openingHours: string;
    openNow: boolean;
  };
}

/** Active service stations as Point features of the grid map, in the system asked for. */
export function stationFeatures(
  stations: readonly MappedStation[],
  crs: CoordinateSystem,
  now: Date,
): StationFeature[] {
  return stations.map((station) => ({
    type: 'Feature',
    id: station.id,
    geometry: { type: 'Point', coordinates: convertPosition([station.lng, station.lat], 'GCJ02', crs) },
    properties: {
      layer: 'SERVICE_STATIONS',
      id: station.id,
      name: station.name,
      kind: station.kind,
      operator: station.operator,
      gridId: station.gridId,
      gridCode: station.areaCode,
      services: station.services,
      audiences: station.audiences,
      openingHours: openingHoursSummary(station.openingHours),
      openNow: isOpenAt(station.openingHours, now),
    },
  }));
}
