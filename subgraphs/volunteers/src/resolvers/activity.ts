import type { ActivityResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

export const Activity: ActivityResolvers = {
  __resolveReference: (reference, context) => readable(context).activityById.load(reference.id),
  grid: (activity) => ({ id: activity.gridId, code: activity.areaCode }),
  team: (activity, _, { loaders }) => (activity.teamId ? loaders.teamById.load(activity.teamId) : null),
};
