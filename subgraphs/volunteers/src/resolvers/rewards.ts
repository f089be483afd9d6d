import type { PointEntryResolvers, RedemptionResolvers, RewardResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

export const Reward: RewardResolvers = {
  __resolveReference: (reference, context) => readable(context).rewardById.load(reference.id),
  area: (reward) => ({ code: reward.areaCode }),
  redemptions: (reward, { first, after }, { loaders }) => loaders.redemptionsByReward.load({ value: reward.id, first, after }),
};

export const Redemption: RedemptionResolvers = {
  reward: (redemption, _, { loaders }) => loaders.rewardById.load(redemption.rewardId),
  volunteer: (redemption, _, { loaders }) => loaders.volunteerById.load(redemption.volunteerId),
};

export const PointEntry: PointEntryResolvers = {
  serviceRecord: (entry, _, { loaders }) => (entry.serviceRecordId ? loaders.recordById.load(entry.serviceRecordId) : null),
  correction: (entry, _, { loaders }) => (entry.correctionId ? loaders.correctionById.load(entry.correctionId) : null),
  redemption: (entry, _, { loaders }) => (entry.redemptionId ? loaders.redemptionById.load(entry.redemptionId) : null),
};
