import { paginate } from '../../../kit/src/connection.js';
import { ACCESS_PURPOSES } from '../domain/access-purposes.js';
import { requireFullRead, requirePeopleAccess, requirePersonAccess } from '../domain/access.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { peopleQuery } from '../queries/people.js';
import { personByIdNumber } from '../queries/person-by-id-number.js';
import { piiAccessLog } from '../queries/pii-access-log.js';
import { piiAccessSummary } from '../queries/pii-access-summary.js';

export const Query: QueryResolvers = {
  person: (_, { id }, { loaders, viewer }) => {
    requirePersonAccess(viewer, id);
    return loaders.personById.load(id);
  },
  people: async (_, { filter, first, after }, context) =>
    paginate(await peopleQuery(context, filter), { first, after }, { alias: 'person' }),
  household: (_, { id }, { loaders, viewer }) => {
    requireFullRead(viewer);
    return loaders.householdById.load(id);
  },
  personByIdNumber: (_, args, context) => personByIdNumber(context, args),
  piiAccessLog: (_, { filter, first, after }, context) => piiAccessLog(context, filter, { first, after }),
  piiAccessSummary: (_, { filter }, context) => piiAccessSummary(context, filter),
  // The catalogue is no secret: whoever is signed in may read why data may be read.
  accessPurposes: () => [...ACCESS_PURPOSES],
  tagDefinitions: async (_, __, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return (await loaders.tagCatalogue()).kinds();
  },
};
