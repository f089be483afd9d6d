import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag } from './entities/person-tag.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { resolvers } from './resolvers/index.js';
import { seedIfEmpty } from './seed.js';

export const peopleSubgraph: SubgraphModule<Context> = {
  name: 'people',
  entities: [Person, PersonTag, Household],
  migrations: [Initial1764400000000],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  seedIfEmpty,
};
