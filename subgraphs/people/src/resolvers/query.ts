import { paginate } from '../../../kit/src/connection.js';
import { requireFullRead, requirePeopleAccess } from '../access.js';
import { peopleQuery } from '../people-query.js';
import type { QueryResolvers } from '../generated/resolvers.js';

export const Query: QueryResolvers = {
  person: (_, { id }, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return loaders.personById.load(id);
  },
  people: (_, { filter, first, after }, context) => paginate(peopleQuery(context, filter), { first, after }, { alias: 'person' }),
  household: (_, { id }, { loaders, viewer }) => {
    requireFullRead(viewer);
    return loaders.householdById.load(id);
  },
};
