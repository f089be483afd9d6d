import { readable } from '../context.js';
import type { RewardResolvers } from '../generated/resolvers.js';

export const Reward: RewardResolvers = {
  __resolveReference: (reference, context) => readable(context).rewardById.load(reference.id),
  area: (reward) => ({ code: reward.areaCode }),
  redemptions: (reward, { first, after }, { loaders }) =>
    loaders.redemptionsByReward.load({ value: reward.id, first, after }),
};
