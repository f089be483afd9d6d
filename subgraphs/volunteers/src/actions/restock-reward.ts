import { refuse } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { isWholeNumberIn } from '../domain/text.js';
import { Reward, type RewardEntity } from '../entities/reward.js';
import { managedReward } from './shared/rewards.js';

/** Adds stock in one UPDATE (`stock = stock + n`), so it adds up with redemptions running at the same time. */
export async function restockReward(
  context: Context,
  input: { rewardId: string; quantity: number },
): Promise<RewardEntity> {
  const reward = await managedReward(context, input.rewardId);
  if (!isWholeNumberIn(input.quantity, 1, 100_000)) refuse(problem('INVALID_STOCK', 'quantity'));
  const repository = context.db.dataSource.getRepository(Reward);
  await repository
    .createQueryBuilder()
    .update(Reward)
    .set({ stock: () => `stock + ${input.quantity}` })
    .where('id = :id', { id: reward.id })
    .execute();
  return repository.findOneByOrFail({ id: reward.id });
}
