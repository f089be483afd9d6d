import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { loadCatalogue } from '../queries/catalogue.js';
import { eventStatsUnder, readDrill, readEvent, readInspection, requireEventRead } from '../queries/event-pages.js';
import { searchEvents } from '../queries/search-events.js';
import { searchInspections } from '../queries/search-inspections.js';
import { searchTopics } from '../queries/search-topics.js';

export const Query: QueryResolvers = {
  event: (_, { id }, context) => readEvent({ id }, context),
  events: (_, { filter, first, after }, { db, viewer, settings }) => {
    requireEventRead(viewer);
    const search = {
      areaCode: parseAreaCodeArgument('filter.areaCode', filter?.areaCode),
      statuses: filter?.status ?? [],
      priority: filter?.priority ?? null,
      category: filter?.category ?? null,
      source: filter?.source ?? null,
      overdue: filter?.overdue ?? null,
      now: settings.now(),
    };
    return searchEvents(db, viewer, search, { first, after });
  },
  // The catalogue is no secret: residents pick a category when they report.
  eventCategories: async (_, { includeRetired }, context) => {
    const catalogue = await loadCatalogue(context);
    return includeRetired ? catalogue : catalogue.filter((category) => category.active);
  },
  eventStats: (_, { areaCode, from, to }, context) =>
    eventStatsUnder(context, parseAreaCodeArgument('areaCode', areaCode) ?? '', from, to),
  inspection: (_, { id }, context) => readInspection({ id }, context),
  inspections: (_, { areaCode, status, first, after }, { db, viewer }) => {
    requireEventRead(viewer);
    return searchInspections(
      db,
      viewer,
      { areaCode: parseAreaCodeArgument('areaCode', areaCode), status: status ?? null },
      { first, after },
    );
  },
  drill: (_, { id }, context) => readDrill({ id }, context),
  topic: (_, { id }, { loaders }) => loaders.topicById.load(id),
  topics: (_, { filter, first, after }, { db, viewer }) => {
    const search = {
      areaCode: parseAreaCodeArgument('filter.areaCode', filter?.areaCode),
      status: filter?.status ?? null,
      projectRequested: filter?.projectRequested ?? null,
    };
    return searchTopics(db, viewer, search, { first, after });
  },
};
