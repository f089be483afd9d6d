import type { Viewer } from '../../kit/src/auth.js';
import type { Database } from '../../kit/src/database.js';
import { createContextFactory, type RequestContext, type SubgraphRuntime } from '../../kit/src/service.js';
import type { WorkingCalendar } from './domain/working-time.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What the events domain needs beyond the kit's context: a clock tests can set, and the working calendar. */
export interface EventsSettings {
  now: () => Date;
  calendar: WorkingCalendar;
}

export type Context = RequestContext<Loaders> & { settings: EventsSettings };

export function createContextFor(settings: EventsSettings) {
  const base = createContextFactory(createLoaders);
  return (db: Database, viewer: Viewer, runtime: SubgraphRuntime): Context => ({
    ...base(db, viewer, runtime),
    settings,
  });
}
