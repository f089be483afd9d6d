import { requirePermission } from '../../../kit/src/auth.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { checkReward, type RewardRequest } from '../domain/redemption.js';
import { isWholeNumberIn } from '../domain/text.js';
import { Reward, type RewardEntity } from '../entities/reward.js';
import { newId } from '../ids.js';
import { refuse, refuseAll } from '../refusal.js';
import { currentTime } from '../sql.js';

/** A reward in the catalogue of a street (9 digits) or community (12) inside the worker's scope. */
export async function createReward(context: Context, input: RewardRequest & { areaCode: string }): Promise<RewardEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const checked = checkReward(input);
  refuseAll(checked.problems);
  if (!/^\d{9}$|^\d{12}$/.test(input.areaCode)) refuse('INVALID_AREA_CODE', 'areaCode');
  if (!inScope(context.viewer, input.areaCode)) refuse('OUT_OF_SCOPE', 'areaCode');
  const reward: RewardEntity = { ...checked.reward!, id: newId(), areaCode: input.areaCode, active: true, createdAt: currentTime() };
  await context.db.dataSource.getRepository(Reward).insert(reward);
  return reward;
}

/** A reward its catalogue's workers manage: a street's by the street, a community's by the community. */
async function managedReward(context: Context, rewardId: string): Promise<RewardEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const reward = (await context.loaders.rewardById.load(rewardId)) ?? refuse('REWARD_NOT_FOUND', 'rewardId');
  if (!isWorkerFor(context.viewer, reward.areaCode)) refuse('OUT_OF_SCOPE', 'rewardId');
  context.loaders.rewardById.clear(reward.id);
  return reward;
}

/** Adds stock in one UPDATE (`stock = stock + n`), so it adds up with redemptions running at the same time. */
export async function restockReward(context: Context, input: { rewardId: string; quantity: number }): Promise<RewardEntity> {
  const reward = await managedReward(context, input.rewardId);
  if (!isWholeNumberIn(input.quantity, 1, 100_000)) refuse('INVALID_STOCK', 'quantity');
  const repository = context.db.dataSource.getRepository(Reward);
  await repository.createQueryBuilder().update(Reward).set({ stock: () => `stock + ${input.quantity}` }).where('id = :id', { id: reward.id }).execute();
  return repository.findOneByOrFail({ id: reward.id });
}

export async function setRewardActive(context: Context, input: { rewardId: string; active: boolean }): Promise<RewardEntity> {
  const reward = await managedReward(context, input.rewardId);
  await context.db.dataSource.getRepository(Reward).update({ id: reward.id }, { active: input.active });
  return { ...reward, active: input.active };
}
