import { problem, refuse, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { stationNotFound } from '../domain/station-rules.js';
import { ServiceStation, type ServiceStationEntity } from '../entities/service-station.js';
import { lockVisibleRow } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

/** Closes a station: out of searches and the map, kept with its history. */
export function closeServiceStation(
  context: Context,
  request: { id: string; reason?: string | null },
): Promise<Payload<'station', ServiceStationEntity>> {
  return mutate(context, 'station', async (manager) => {
    const reason = request.reason?.trim() || null;
    if (reason && reason.length > 200) refuse([problem('INVALID_REASON', 'reason', '关闭原因不超过 200 个字符')]);
    const found = await lockVisibleRow(context, manager, ServiceStation, request.id, (station) => station.areaCode);
    if (!found) refuse([stationNotFound()]);
    if (found.status !== 'ACTIVE') refuse([problem('ALREADY_CLOSED', 'id', '服务站点已经关闭')]);
    const now = storedNow();
    const changes = { status: 'CLOSED' as const, closedAt: now, closedReason: reason, updatedAt: now };
    await manager.update(ServiceStation, { id: found.id }, changes);
    context.loaders.stationById.clear(found.id);
    return { ...found, ...changes };
  });
}
