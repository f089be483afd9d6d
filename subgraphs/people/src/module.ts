import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag } from './entities/person-tag.js';
import { PiiAccessLog } from './entities/pii-access-log.js';
import { ResidenceMove } from './entities/residence-move.js';
import { TagDefinition } from './entities/tag-definition.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { PeopleDomain1764500000000 } from './migrations/1764500000000-people-domain.js';
import { PiiSelfAccess1764600000000 } from './migrations/1764600000000-pii-self-access.js';
import { TagCountCoveringIndex1764900000000 } from './migrations/1764900000000-tag-count-covering-index.js';
import { AccessPurposesAndSensitiveTags1765000000000 } from './migrations/1765000000000-access-purposes-and-sensitive-tags.js';
import { resolvers } from './resolvers/index.js';

export const peopleSubgraph: SubgraphModule<Context> = {
  name: 'people',
  entities: [Person, PersonTag, Household, TagDefinition, ResidenceMove, PiiAccessLog],
  migrations: [
    Initial1764400000000,
    PeopleDomain1764500000000,
    PiiSelfAccess1764600000000,
    TagCountCoveringIndex1764900000000,
    AccessPurposesAndSensitiveTags1765000000000,
  ],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  // Loaded only when demo data is asked for: the demo generator stays off the production import path.
  seedIfEmpty: async (db, options, logger) => (await import('./seed.js')).seedIfEmpty(db, options, logger),
};
