import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed, latestRow, lockRow } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { type RedemptionRequest, requestProblems, rewardProblem, sameRequest } from '../domain/redemption.js';
import { Redemption, type RedemptionEntity } from '../entities/redemption.js';
import { Reward } from '../entities/reward.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { requireStanding, targetVolunteer } from './shared/actors.js';
import { appendEntry } from './shared/ledger.js';

export interface RedeemResult {
  redemption: RedemptionEntity;
  replayed: boolean;
}

/**
 * Redeems a reward in one transaction: the volunteer's row lock first (one redemption of a
 * volunteer at a time, so a key is looked up after any earlier use of it committed), then
 * the stock in a conditional UPDATE (`active AND stock >= quantity`), then the points as a
 * REDEEM entry that may not take the balance below zero. Any refusal rolls all of it back.
 */
export async function redeemReward(
  context: Context,
  input: RedemptionRequest & { volunteerId?: string | null },
): Promise<RedeemResult> {
  requireStanding(context);
  refuseIf(requestProblems(input));
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const reward =
    (await context.loaders.rewardById.load(input.rewardId)) ?? refuse(problem('REWARD_NOT_FOUND', 'rewardId'));
  // The reward's stock changes below: later reads in this request must not see the cached row.
  context.loaders.rewardById.clear(reward.id);
  try {
    return await inTransaction(context.db, async (manager) => {
      await lockRow(manager, context.db, Volunteer, volunteer.id);
      const earlier = await manager
        .getRepository(Redemption)
        .findOneBy({ volunteerId: volunteer.id, idempotencyKey: input.idempotencyKey });
      if (earlier) return replay(earlier, input);
      refuseIf(rewardProblem({ ...reward, stock: Number.MAX_SAFE_INTEGER }, volunteer.areaCode, input.quantity));
      const taken = await manager
        .createQueryBuilder()
        .update(Reward)
        .set({ stock: () => `stock - ${input.quantity}` })
        .where('id = :id AND active = :active AND stock >= :quantity', {
          id: reward.id,
          active: true,
          quantity: input.quantity,
        })
        .execute();
      if (!changed(taken)) {
        const now = await latestRow(manager, context.db, Reward, reward.id);
        refuse(
          rewardProblem(now, volunteer.areaCode, input.quantity) ??
            problem('OUT_OF_STOCK', 'quantity', { stock: now.stock }),
        );
      }
      const redemption = newRedemption(context, volunteer, reward, input);
      await manager.getRepository(Redemption).insert(redemption);
      await appendEntry(manager, context.db, {
        volunteer,
        type: 'REDEEM',
        points: -redemption.pointsSpent,
        by: context.viewer.subject,
        redemptionId: redemption.id,
        note: reward.name,
      });
      return { redemption, replayed: false };
    });
  } catch (error) {
    // Two first uses of one key that both missed each other: the index kept one.
    const earlier = isUniqueViolation(error)
      ? await context.db.dataSource
          .getRepository(Redemption)
          .findOneBy({ volunteerId: volunteer.id, idempotencyKey: input.idempotencyKey })
      : null;
    if (!earlier) throw error;
    return replay(earlier, input);
  }
}

function replay(earlier: RedemptionEntity, input: RedemptionRequest): RedeemResult {
  if (!sameRequest(earlier, input)) refuse(problem('IDEMPOTENCY_KEY_REUSED', 'idempotencyKey'));
  return { redemption: earlier, replayed: true };
}

function newRedemption(
  context: Context,
  volunteer: VolunteerEntity,
  reward: { id: string; areaCode: string; pointsCost: number },
  input: RedemptionRequest,
): RedemptionEntity {
  return {
    id: newId(),
    rewardId: reward.id,
    volunteerId: volunteer.id,
    areaCode: volunteer.areaCode,
    rewardAreaCode: reward.areaCode,
    quantity: input.quantity,
    pointsSpent: reward.pointsCost * input.quantity,
    status: 'PENDING_PICKUP',
    idempotencyKey: input.idempotencyKey,
    redeemedAt: storedNow(),
    redeemedBy: context.viewer.subject,
    pickedUpAt: null,
    cancelledAt: null,
    cancelReason: null,
  };
}
