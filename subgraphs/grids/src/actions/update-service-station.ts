import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import type { Position } from '../domain/geometry.js';
import { stationClosed, stationNotFound } from '../domain/station-rules.js';
import { ServiceStation, type ServiceStationEntity } from '../entities/service-station.js';
import { lockVisibleGrid, lockVisibleRow } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';
import { columnsOf, placementChecks, requestProblems, type StationInput } from './service-station-fields.js';

export interface UpdateStationRequest extends StationInput {
  id: string;
}

/** Changes what is given of an active station; its grid stays. */
export function updateServiceStation(
  context: Context,
  request: UpdateStationRequest,
): Promise<Payload<'station', ServiceStationEntity>> {
  return mutate(context, 'station', async (manager) => {
    const columns = columnsOf(request);
    refuseIf(requestProblems(request, columns));
    const found = await lockVisibleRow(context, manager, ServiceStation, request.id, (station) => station.areaCode);
    if (!found) refuse([stationNotFound()]);
    if (found.status !== 'ACTIVE') refuse([stationClosed()]);
    if (columns.name !== undefined || columns.lng !== undefined) {
      const grid = await lockVisibleGrid(context, manager, found.gridId);
      if (!grid) refuse([stationNotFound()]);
      const point =
        columns.lng !== undefined && columns.lat !== undefined ? ([columns.lng, columns.lat] as Position) : null;
      await placementChecks(manager, grid, { ...columns, name: columns.name ?? found.name }, found.id, point);
    }
    const changes = { ...columns, updatedAt: storedNow() };
    await manager.update(ServiceStation, { id: found.id }, changes);
    context.loaders.stationById.clear(found.id);
    return { ...found, ...changes };
  });
}
