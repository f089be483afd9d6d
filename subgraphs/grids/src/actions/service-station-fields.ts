import type { EntityManager } from 'typeorm';
import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { convertPosition } from '../domain/crs.js';
import type { CoordinateSystem, Position } from '../domain/geometry.js';
import { drawnOf } from '../domain/boundary-rules.js';
import type { OpeningHours, Weekday } from '../domain/opening-hours.js';
import type { StationKind } from '../domain/station-catalogue.js';
import {
  distinctCodes,
  duplicateStationName,
  stationFieldProblems,
  stationPlacementProblems,
  type StationFields,
} from '../domain/station-rules.js';
import type { GridEntity } from '../entities/grid.js';
import { ServiceStation, type ServiceStationEntity } from '../entities/service-station.js';

/** A station request's fields, read and checked the same way when creating and when updating a station. */

export interface LocationInput {
  lng: number;
  lat: number;
  crs?: CoordinateSystem | null;
}

export interface HoursInput {
  alwaysOpen?: boolean | null;
  periods?: readonly { days: readonly Weekday[]; opens: string; closes: string }[] | null;
}

export interface StationInput extends Omit<StationFields, 'openingHours' | 'location'> {
  kind?: StationKind | null;
  openingHours?: HoursInput | null;
  location?: LocationInput | null;
}

export function hoursOf(input: HoursInput): OpeningHours {
  return {
    alwaysOpen: input.alwaysOpen ?? false,
    periods: (input.periods ?? []).map((period) => ({
      days: [...period.days],
      opens: period.opens.trim(),
      closes: period.closes.trim(),
    })),
  };
}

export function gcj02Of(location: LocationInput): Position {
  return convertPosition([location.lng, location.lat], location.crs ?? 'GCJ02', 'GCJ02');
}

/** The columns a request sets, trimmed and normalised; absent fields are left out. */
export function columnsOf(input: StationInput): Partial<ServiceStationEntity> {
  const columns: Partial<ServiceStationEntity> = {};
  if (input.name != null) columns.name = input.name.trim();
  if (input.kind != null) columns.kind = input.kind;
  if (input.operator != null) columns.operator = input.operator.trim();
  if (input.address != null) columns.address = input.address.trim() || null;
  if (input.phone != null) columns.phone = input.phone.trim() || null;
  if (input.services != null) columns.services = distinctCodes(input.services);
  if (input.audiences != null) columns.audiences = distinctCodes(input.audiences);
  if (input.openingHours != null) columns.openingHours = hoursOf(input.openingHours);
  if (input.location != null) [columns.lng, columns.lat] = gcj02Of(input.location);
  return columns;
}

/** The request's own problems: location checked as sent, codes after trimming. */
export function requestProblems(input: StationInput, columns: Partial<ServiceStationEntity>) {
  return stationFieldProblems({
    ...input,
    services: columns.services ?? null,
    audiences: columns.audiences ?? null,
    openingHours: columns.openingHours ?? null,
  });
}

export async function stationNameTaken(
  manager: EntityManager,
  gridId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const qb = manager
    .getRepository(ServiceStation)
    .createQueryBuilder('station')
    .where('station.gridId = :gridId AND station.name = :name', { gridId, name })
    .andWhere("station.status = 'ACTIVE'");
  if (exceptId) qb.andWhere('station.id <> :exceptId', { exceptId });
  return (await qb.getCount()) > 0;
}

/**
 * Where the station stands, checked against its (locked) grid: active, inside the
 * boundary, and no other active station of the same name in the grid. The lock on the
 * grid row makes two writes in one grid wait for each other, so the name check holds.
 */
export async function placementChecks(
  manager: EntityManager,
  grid: GridEntity,
  columns: Partial<ServiceStationEntity> & { name: string },
  exceptId: string | null,
  point: Position | null,
): Promise<void> {
  refuseIf(stationPlacementProblems({ status: grid.status, drawn: drawnOf(grid)?.drawn ?? null }, point));
  if (await stationNameTaken(manager, grid.id, columns.name, exceptId)) refuse([duplicateStationName(columns.name)]);
}
