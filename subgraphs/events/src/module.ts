import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { GridEvent } from './entities/grid-event.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { resolvers } from './resolvers/index.js';
import { seedIfEmpty } from './seed.js';

export const eventsSubgraph: SubgraphModule<Context> = {
  name: 'events',
  entities: [GridEvent],
  migrations: [Initial1764400000000],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  seedIfEmpty,
};
