import type { ActivityCategoryResolvers } from '../generated/resolvers.js';

export const ActivityCategory: ActivityCategoryResolvers = {
  name: (rate) => rate.category,
};
