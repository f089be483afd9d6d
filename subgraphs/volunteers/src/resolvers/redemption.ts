import type { RedemptionResolvers } from '../generated/resolvers.js';

export const Redemption: RedemptionResolvers = {
  reward: (redemption, _, { loaders }) => loaders.rewardById.load(redemption.rewardId),
  volunteer: (redemption, _, { loaders }) => loaders.volunteerById.load(redemption.volunteerId),
};
