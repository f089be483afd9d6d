import type { EntityManager } from 'typeorm';
import type { EventActionEntity } from '../entities/event-action.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent, type GridEventEntity } from '../entities/grid-event.js';

/** What a step changes: columns of the event, and the timeline entry that records it. */
export interface StepChange {
  patch: Partial<Omit<GridEventEntity, 'id' | 'version'>>;
  action: Omit<EventActionEntity, 'eventId' | 'version' | 'areaCode'>;
}

/**
 * Writes a step only if the event is still at the version it was read at: one conditional
 * UPDATE, then the timeline entry keyed by the new version. Of two steps taken at once on
 * the same version, the database lets exactly one UPDATE match; the other changes nothing
 * and gets null, and its caller answers VERSION_CONFLICT.
 */
export async function writeStep(
  manager: EntityManager,
  event: GridEventEntity,
  change: StepChange,
): Promise<{ event: GridEventEntity; action: EventActionEntity } | null> {
  const version = event.version + 1;
  const result = await manager
    .createQueryBuilder()
    .update(GridEvent)
    .set({ ...change.patch, version })
    .where('id = :id AND version = :read', { id: event.id, read: event.version })
    .execute();
  if (result.affected !== 1) return null;
  const action: EventActionEntity = { ...change.action, eventId: event.id, version, areaCode: event.areaCode };
  await manager.insert(EventAction, action);
  return { event: { ...event, ...change.patch, version }, action };
}
