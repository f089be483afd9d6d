import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { readsNames, requirePeopleAccess } from '../domain/access.js';
import { disclosedStats } from '../domain/disclosure.js';
import type { GridResolvers } from '../generated/resolvers.js';

export const Grid: GridResolvers = {
  // The grids subgraph owns grids; here a grid is its keys, which is all residents need.
  __resolveReference: (reference) => ({ id: reference.id, code: reference.code }),
  residents: (grid, { first, after }, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return loaders.residentsUnderCode.load({ value: gridAreaPrefix(grid.code), first, after });
  },
  residentStats: (grid, _, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return loaders.populationStats
      .load(gridAreaPrefix(grid.code))
      .then((counted) => disclosedStats(readsNames(viewer), counted));
  },
};
