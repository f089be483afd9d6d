import { randomUUID } from 'node:crypto';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { gridNotFound } from '../domain/grid-rules.js';
import type { StationKind } from '../domain/station-catalogue.js';
import { ServiceStation, type ServiceStationEntity } from '../entities/service-station.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';
import {
  columnsOf,
  gcj02Of,
  placementChecks,
  requestProblems,
  type HoursInput,
  type LocationInput,
  type StationInput,
} from './service-station-fields.js';

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

/** Registers a service station in an active grid, inside its boundary when one is drawn. */
export function createServiceStation(
  context: Context,
  request: CreateStationRequest,
): Promise<Payload<'station', ServiceStationEntity>> {
  return mutate(context, 'station', async (manager) => {
    const columns = columnsOf(request);
    refuseIf(requestProblems(request, columns));
    const grid = await lockVisibleGrid(context, manager, request.gridId);
    if (!grid) refuse([gridNotFound('gridId')]);
    const name = request.name.trim();
    await placementChecks(manager, grid, { ...columns, name }, null, gcj02Of(request.location));
    const now = storedNow();
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
