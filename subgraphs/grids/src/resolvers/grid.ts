import { notFound } from '../../../kit/src/errors.js';
import { present } from '../../../kit/src/loaders.js';
import type { GridResolvers } from '../generated/resolvers.js';

export const Grid: GridResolvers = {
  __resolveReference: (reference, { loaders }) =>
    'id' in reference ? loaders.gridById.load(reference.id) : loaders.gridByCode.load(reference.code),
  parent: (grid, _, { loaders }) => (grid.parentId ? loaders.gridById.load(grid.parentId) : null),
  children: (grid, _, { loaders }) => loaders.activeChildGrids.load(grid.id),
  community: async (grid, _, { loaders }) => {
    const community = await loaders.areaByCode.load(grid.communityCode);
    if (!community) throw notFound('网格所属社区不存在');
    return community;
  },
  staff: async (grid, _, { loaders }) => {
    const assignments = await loaders.assignmentsByGrid.load(grid.id);
    const staff = present(await loaders.staffById.loadMany(assignments.map((assignment) => assignment.staffId)));
    return staff.filter((member) => member.active);
  },
};
