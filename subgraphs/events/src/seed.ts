import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase } from '../../kit/src/seeding.js';
import { generateWorld, type DemoWorld } from '../../../scripts/demo/world.js';
import { EVENT_SOURCES, EVENT_STATUSES, oneOf } from './domain/event-values.js';
import { GridEvent, type GridEventEntity } from './entities/grid-event.js';

function toGridEvent(row: DemoWorld['events'][number]): GridEventEntity {
  return { ...row, status: oneOf(EVENT_STATUSES, row.status, 'event status'), source: oneOf(EVENT_SOURCES, row.source, 'event source') };
}

export async function seedIfEmpty(db: Database, options: { seed: number; residents: number }, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, GridEvent, logger, async (insert) => {
    await insert(GridEvent, generateWorld(options).events.map(toGridEvent));
  });
}
