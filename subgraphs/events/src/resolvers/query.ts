import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { searchEvents } from '../search-events.js';
import { requireEventRead } from './event-pages.js';

export const Query: QueryResolvers = {
  event: (_, { id }, { loaders, viewer }) => {
    requireEventRead(viewer);
    return loaders.eventById.load(id);
  },
  events: (_, { filter, first, after }, { db, viewer }) => {
    requireEventRead(viewer);
    const search = {
      areaCode: parseAreaCodeArgument('filter.areaCode', filter?.areaCode),
      statuses: filter?.status ?? [],
      priority: filter?.priority ?? null,
      category: filter?.category ?? null,
    };
    return searchEvents(db, viewer, search, { first, after });
  },
};
