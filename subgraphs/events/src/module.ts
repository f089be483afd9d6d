import type { SubgraphModule } from '../../kit/src/service.js';
import { readEventsConfig } from './config.js';
import { createContextFor, type Context, type EventsSettings } from './context.js';
import { resolvers } from './resolvers/index.js';
import { eventEntities } from './entities/index.js';
import { eventMigrations } from './migrations/index.js';

/** The events subgraph with a given clock and working calendar; tests set the clock. */
export function createEventsSubgraph(settings: EventsSettings): SubgraphModule<Context> {
  return {
    name: 'events',
    entities: eventEntities,
    migrations: eventMigrations,
    resolvers: resolvers as SubgraphModule<Context>['resolvers'],
    createContext: createContextFor(settings),
    // Loaded only when demo data is asked for: the demo generator stays off the production import path.
    seedIfEmpty: async (db, options, logger) =>
      (await import('./seed.js')).seedIfEmpty(db, { ...options, calendar: settings.calendar }, logger),
  };
}

export const eventsSubgraph = createEventsSubgraph({ now: () => new Date(), calendar: readEventsConfig().calendar });
