import { requirePermission } from '../../../../kit/src/auth.js';
import { refuse } from '../../../../kit/src/problems.js';
import type { Context } from '../../context.js';
import { isWorkerFor } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import type { RewardEntity } from '../../entities/reward.js';

/** A reward its catalogue's workers manage: a street's by the street, a community's by the community. */
export async function managedReward(context: Context, rewardId: string): Promise<RewardEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const reward = (await context.loaders.rewardById.load(rewardId)) ?? refuse(problem('REWARD_NOT_FOUND', 'rewardId'));
  if (!isWorkerFor(context.viewer, reward.areaCode)) refuse(problem('OUT_OF_SCOPE', 'rewardId'));
  context.loaders.rewardById.clear(reward.id);
  return reward;
}
