import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { readable } from '../context.js';
import type { GridResolvers } from '../generated/resolvers.js';

/** Grids are the grids subgraph's; this subgraph adds the activities held under them. */
export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id, code: reference.code }),
  activities: (grid, { first, after }, context) =>
    readable(context).activitiesUnderCode.load({ value: gridAreaPrefix(grid.code), first, after }),
};
