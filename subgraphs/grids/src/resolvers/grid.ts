import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { notFound } from '../../../kit/src/errors.js';
import type { GridResolvers } from '../generated/resolvers.js';
import { partyBranchOfGrid, serviceBrandsOfGrid } from '../queries/community-of-grid.js';
import { staffOfGrid } from '../queries/staff-of-grid.js';

export const Grid: GridResolvers = {
  __resolveReference: (reference, { loaders }) =>
    'id' in reference ? loaders.gridById.load(reference.id) : loaders.gridByCode.load(reference.code),
  parent: (grid, _, { loaders }) => (grid.parentId ? loaders.gridById.load(grid.parentId) : null),
  children: (grid, { includeRetired }, { loaders }) =>
    (includeRetired ? loaders.childGrids : loaders.activeChildGrids).load(grid.id),
  community: async (grid, _, { loaders }) => {
    const community = await loaders.areaByCode.load(grid.communityCode);
    if (!community) throw notFound('网格所属社区不存在');
    return community;
  },
  // A grid without a boundary has no system named either: no statement for it.
  boundary: async (grid, _, { loaders }) => {
    if (!grid.boundaryCrs) return null;
    const geometry = grid.boundary ?? (await loaders.boundaryByGrid.load(grid.id))?.boundary;
    return geometry ? { geometry, crs: grid.boundaryCrs } : null;
  },
  buildings: (grid, { first, after }, { loaders }) =>
    loaders.buildingsUnderCode.load({ value: gridAreaPrefix(grid.code), first, after }),
  buildingCount: async (grid, _, { loaders }) =>
    (await loaders.buildingCountsUnderCode.load(gridAreaPrefix(grid.code))).buildings,
  householdCount: async (grid, _, { loaders }) =>
    (await loaders.buildingCountsUnderCode.load(gridAreaPrefix(grid.code))).households,
  staff: (grid, { role, includeEnded }, context) => staffOfGrid(context, grid.id, { role, includeEnded }),
  // By name as Chinese readers sort it, the same on SQLite and MySQL (whose collations differ).
  serviceStations: async (grid, { includeClosed }, { loaders }) =>
    [
      ...(await (includeClosed ? loaders.stationsUnder : loaders.activeStationsUnder).load(gridAreaPrefix(grid.code))),
    ].sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id)),
  partyBranch: (grid, _, context) => partyBranchOfGrid(context, grid),
  serviceBrands: (grid, _, context) => serviceBrandsOfGrid(context, grid),
};
