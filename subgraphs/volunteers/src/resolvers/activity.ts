import { readable } from '../context.js';
import { DEFAULT_POINTS_PER_HOUR } from '../domain/points.js';
import type { ActivityResolvers } from '../generated/resolvers.js';

export const Activity: ActivityResolvers = {
  __resolveReference: (reference, context) => readable(context).activityById.load(reference.id),
  grid: (activity) => ({ id: activity.gridId, code: activity.areaCode }),
  team: (activity, _, { loaders }) => (activity.teamId ? loaders.teamById.load(activity.teamId) : null),
  spotsLeft: (activity) => Math.max(0, activity.capacity - activity.enrolledCount),
  pointsPerHour: async (activity, _, { loaders }) =>
    (await loaders.rateByCategory.load(activity.category))?.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR,
  enrolments: (activity, { first, after }, { loaders }) =>
    loaders.enrolmentsByActivity.load({ value: activity.id, first, after }),
  project: (activity, _, { loaders }) => (activity.projectId ? loaders.projectById.load(activity.projectId) : null),
};
