import type { Context } from '../context.js';
import { Reward, type RewardEntity } from '../entities/reward.js';
import { managedReward } from './shared/rewards.js';

/** Takes a reward off the shelf or puts it back: a worker of its catalogue's area. */
export async function setRewardActive(
  context: Context,
  input: { rewardId: string; active: boolean },
): Promise<RewardEntity> {
  const reward = await managedReward(context, input.rewardId);
  await context.db.dataSource.getRepository(Reward).update({ id: reward.id }, { active: input.active });
  return { ...reward, active: input.active };
}
