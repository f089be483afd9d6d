import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context.js';
import { convertPosition } from '../domain/crs.js';
import type { CoordinateSystem, Position } from '../domain/geometry.js';
import { gridNotFound } from '../domain/grid-rules.js';
import type { OpeningHours, Weekday } from '../domain/opening-hours.js';
import { problem } from '../domain/problems.js';
import type { StationKind } from '../domain/station-catalogue.js';
import { distinctCodes, duplicateStationName, stationClosed, stationFieldProblems, stationNotFound, stationPlacementProblems, type StationFields } from '../domain/station-rules.js';
import type { GridEntity } from '../entities/grid.js';
import { ServiceStation, type ServiceStationEntity } from '../entities/service-station.js';
import { drawnOf, lockVisibleGrid, lockVisibleRow } from './grid-facts.js';
import { mutate, refuse, refuseIf, wholeSeconds, type Outcome } from './mutate.js';

interface LocationInput {
  lng: number;
  lat: number;
  crs?: CoordinateSystem | null;
}

interface HoursInput {
  alwaysOpen?: boolean | null;
  periods?: readonly { days: readonly Weekday[]; opens: string; closes: string }[] | null;
}

interface StationInput extends Omit<StationFields, 'openingHours' | 'location'> {
  kind?: StationKind | null;
  openingHours?: HoursInput | null;
  location?: LocationInput | null;
}

export interface CreateStationRequest extends StationInput {
  gridId: string;
  name: string;
  kind: StationKind;
  operator: string;
  services: readonly string[];
  audiences: readonly string[];
  openingHours: HoursInput;
  location: LocationInput;
}

export interface UpdateStationRequest extends StationInput {
  id: string;
}

function hoursOf(input: HoursInput): OpeningHours {
  return {
    alwaysOpen: input.alwaysOpen ?? false,
    periods: (input.periods ?? []).map((period) => ({ days: [...period.days], opens: period.opens.trim(), closes: period.closes.trim() })),
  };
}

function gcj02Of(location: LocationInput): Position {
  return convertPosition([location.lng, location.lat], location.crs ?? 'GCJ02', 'GCJ02');
}

/** The columns a request sets, trimmed and normalised; absent fields are left out. */
function columnsOf(input: StationInput): Partial<ServiceStationEntity> {
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
function requestProblems(input: StationInput, columns: Partial<ServiceStationEntity>) {
  return stationFieldProblems({ ...input, services: columns.services ?? null, audiences: columns.audiences ?? null, openingHours: columns.openingHours ?? null });
}

async function nameTaken(manager: EntityManager, gridId: string, name: string, exceptId: string | null): Promise<boolean> {
  const qb = manager.getRepository(ServiceStation).createQueryBuilder('station').where('station.gridId = :gridId AND station.name = :name', { gridId, name }).andWhere("station.status = 'ACTIVE'");
  if (exceptId) qb.andWhere('station.id <> :exceptId', { exceptId });
  return (await qb.getCount()) > 0;
}

/**
 * Where the station stands, checked against its (locked) grid: active, inside the
 * boundary, and no other active station of the same name in the grid. The lock on the
 * grid row makes two writes in one grid wait for each other, so the name check holds.
 */
async function placementChecks(manager: EntityManager, grid: GridEntity, columns: Partial<ServiceStationEntity> & { name: string }, exceptId: string | null, point: Position | null): Promise<void> {
  refuseIf(stationPlacementProblems({ status: grid.status, drawn: drawnOf(grid)?.drawn ?? null }, point));
  if (await nameTaken(manager, grid.id, columns.name, exceptId)) refuse([duplicateStationName(columns.name)]);
}

/** Registers a service station in an active grid, inside its boundary when one is drawn. */
export function createServiceStation(context: Context, request: CreateStationRequest): Promise<Outcome<ServiceStationEntity>> {
  return mutate(context, async (manager) => {
    const columns = columnsOf(request);
    refuseIf(requestProblems(request, columns));
    const grid = await lockVisibleGrid(context, manager, request.gridId);
    if (!grid) refuse([gridNotFound('gridId')]);
    const name = request.name.trim();
    await placementChecks(manager, grid, { ...columns, name }, null, gcj02Of(request.location));
    const now = wholeSeconds();
    const station: ServiceStationEntity = {
      id: randomUUID(),
      gridId: grid.id,
      areaCode: grid.code,
      name,
      kind: request.kind,
      operator: request.operator.trim(),
      address: columns.address ?? null,
      phone: columns.phone ?? null,
      services: columns.services ?? [],
      audiences: columns.audiences ?? [],
      openingHours: columns.openingHours ?? { alwaysOpen: false, periods: [] },
      lng: columns.lng ?? request.location.lng,
      lat: columns.lat ?? request.location.lat,
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedReason: null,
    };
    await manager.insert(ServiceStation, station);
    return station;
  });
}

/** Changes what is given of an active station; its grid stays. */
export function updateServiceStation(context: Context, request: UpdateStationRequest): Promise<Outcome<ServiceStationEntity>> {
  return mutate(context, async (manager) => {
    const columns = columnsOf(request);
    refuseIf(requestProblems(request, columns));
    const found = await lockVisibleRow(context, manager, ServiceStation, request.id, (station) => station.areaCode);
    if (!found) refuse([stationNotFound()]);
    if (found.status !== 'ACTIVE') refuse([stationClosed()]);
    if (columns.name !== undefined || columns.lng !== undefined) {
      const grid = await lockVisibleGrid(context, manager, found.gridId);
      if (!grid) refuse([stationNotFound()]);
      const point = columns.lng !== undefined && columns.lat !== undefined ? ([columns.lng, columns.lat] as Position) : null;
      await placementChecks(manager, grid, { ...columns, name: columns.name ?? found.name }, found.id, point);
    }
    const changes = { ...columns, updatedAt: wholeSeconds() };
    await manager.update(ServiceStation, { id: found.id }, changes);
    context.loaders.stationById.clear(found.id);
    return { ...found, ...changes };
  });
}

/** Closes a station: out of searches and the map, kept with its history. */
export function closeServiceStation(context: Context, request: { id: string; reason?: string | null }): Promise<Outcome<ServiceStationEntity>> {
  return mutate(context, async (manager) => {
    const reason = request.reason?.trim() || null;
    if (reason && reason.length > 200) refuse([problem('INVALID_REASON', 'reason', '关闭原因不超过 200 个字符')]);
    const found = await lockVisibleRow(context, manager, ServiceStation, request.id, (station) => station.areaCode);
    if (!found) refuse([stationNotFound()]);
    if (found.status !== 'ACTIVE') refuse([problem('ALREADY_CLOSED', 'id', '服务站点已经关闭')]);
    const now = wholeSeconds();
    const changes = { status: 'CLOSED' as const, closedAt: now, closedReason: reason, updatedAt: now };
    await manager.update(ServiceStation, { id: found.id }, changes);
    context.loaders.stationById.clear(found.id);
    return { ...found, ...changes };
  });
}
