import { ancestorCodes } from '../../../kit/src/area-code.js';
import { present } from '../../../kit/src/loaders.js';
import type { AreaResolvers } from '../generated/resolvers.js';
import { gridMap } from '../queries/grid-map.js';
import { areaPrefix } from '../domain/area-prefix.js';
import { gridsUnder } from '../queries/grids-under.js';

export const Area: AreaResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.areaByCode.load(reference.code),
  parent: (area, _, { loaders }) => (area.parentCode ? loaders.areaByCode.load(area.parentCode) : null),
  children: (area, _, { loaders }) => loaders.areasByParent.load(area.code),
  // Codes extend each other, so the path is known from the code alone: one batch.
  ancestors: async (area, _, { loaders }) =>
    present(await loaders.areaByCode.loadMany(ancestorCodes(area.code).filter((code) => code.length <= 12))),
  grids: (area, { type, first, after, includeRetired }, context) =>
    gridsUnder(context, area.code, { type, includeRetired }, { first, after }),
  gridMap: (area, { type, crs, layers }, context) =>
    gridMap(context, area.code, { type, crs: crs ?? 'GCJ02', layers: layers ?? ['GRIDS', 'SERVICE_STATIONS'] }),
  serviceBrands: async (area, { kind }, { loaders }) =>
    (await loaders.brandsUnder.load(areaPrefix(area.code)))
      .filter((brand) => !kind || brand.kind === kind)
      .sort((a, b) => a.communityCode.localeCompare(b.communityCode) || a.name.localeCompare(b.name, 'zh-Hans-CN')),
};
