import { gridAreaPrefix, parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import type { GridResolvers } from '../generated/resolvers.js';
import { eventPage } from './event-pages.js';

export const Grid: GridResolvers = {
  // The key carries the code, so a grid's events are found without asking the grids
  // subgraph. The code becomes a LIKE prefix: anything that is not a code is refused.
  __resolveReference: (reference) => {
    parseAreaCodeArgument('code', reference.code);
    return { id: reference.id, code: reference.code };
  },
  events: (grid, args, context) => eventPage(context, 'eventsUnderArea', gridAreaPrefix(grid.code), args),
};
