import type { AreaResolvers } from '../generated/resolvers.js';
import { gridsUnder } from './query.js';

export const Area: AreaResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.areaByCode.load(reference.code),
  parent: (area, _, { loaders }) => (area.parentCode ? loaders.areaByCode.load(area.parentCode) : null),
  children: (area, _, { loaders }) => loaders.areasByParent.load(area.code),
  grids: (area, { type, first, after }, context) => gridsUnder(context, area.code, type, { first, after }),
};
