import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { readsNames, requirePeopleAccess } from '../domain/access.js';
import { disclosedStats } from '../domain/disclosure.js';
import { statisticsPrefix } from '../domain/population.js';
import type { AreaResolvers, BuildingResolvers } from '../generated/resolvers.js';

/** Areas and buildings belong to the grids subgraph; people adds their residents and counts. */
export const Area: AreaResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  populationStats: (area, _, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    const stats = loaders.populationStats.load(statisticsPrefix(parseAreaCodeArgument('code', area.code) ?? area.code));
    return stats.then((counted) => disclosedStats(readsNames(viewer), counted));
  },
};

export const Building: BuildingResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  residents: (building, { first, after }, { loaders, viewer }) => {
    requirePeopleAccess(viewer);
    return loaders.residentsOfBuilding.load({ value: building.id, first, after });
  },
};
