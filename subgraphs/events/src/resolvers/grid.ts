import { gridAreaPrefix, parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import type { AreaResolvers, EventStatsResolvers, GridResolvers } from '../generated/resolvers.js';
import { eventPage, eventStatsUnder } from '../queries/event-pages.js';

export const Grid: GridResolvers = {
  // The key carries the code, so a grid's events are found without asking the grids
  // subgraph. The code becomes a LIKE prefix: anything that is not a code is refused.
  __resolveReference: (reference) => {
    parseAreaCodeArgument('code', reference.code);
    return { id: reference.id, code: reference.code };
  },
  events: (grid, args, context) => eventPage(context, 'eventsUnderArea', gridAreaPrefix(grid.code), args),
  eventStats: (grid, { from, to }, context) => eventStatsUnder(context, gridAreaPrefix(grid.code), from, to),
  topics: (grid, { status, first, after }, { loaders }) =>
    loaders.topicsUnderArea(status).load({ value: gridAreaPrefix(grid.code), first, after }),
};

export const Area: AreaResolvers = {
  __resolveReference: (reference) => ({ code: parseAreaCodeArgument('code', reference.code) ?? '' }),
  eventStats: (area, { from, to }, context) => eventStatsUnder(context, area.code, from, to),
};

export const EventStats: EventStatsResolvers = {
  medianSecondsToClose: (stats, _, { loaders }) => loaders.medianByStats.load(stats),
};
