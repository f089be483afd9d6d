import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { actsFor, isWorkerFor, sees } from '../domain/access.js';
import { problem } from '../domain/problems.js';
import { cancellable, requestProblems, rewardProblem, sameRequest, type RedemptionRequest } from '../domain/redemption.js';
import { Redemption, type RedemptionEntity } from '../entities/redemption.js';
import { Reward } from '../entities/reward.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { newId } from '../ids.js';
import { appendEntry } from '../ledger.js';
import { Refusal, refuse, refuseAll, refuseIf } from '../refusal.js';
import { changed, currentTime, latestRow, lockRow } from '../sql.js';
import { requireStanding, targetVolunteer } from './actors.js';

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
export async function redeemReward(context: Context, input: RedemptionRequest & { volunteerId?: string | null }): Promise<RedeemResult> {
  requireStanding(context);
  refuseAll(requestProblems(input));
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const reward = (await context.loaders.rewardById.load(input.rewardId)) ?? refuse('REWARD_NOT_FOUND', 'rewardId');
  // The reward's stock changes below: later reads in this request must not see the cached row.
  context.loaders.rewardById.clear(reward.id);
  try {
    return await inTransaction(context.db, async (manager) => {
      await lockRow(manager, context.db, Volunteer, volunteer.id);
      const earlier = await manager.getRepository(Redemption).findOneBy({ volunteerId: volunteer.id, idempotencyKey: input.idempotencyKey });
      if (earlier) return replay(earlier, input);
      refuseIf(rewardProblem({ ...reward, stock: Number.MAX_SAFE_INTEGER }, volunteer.areaCode, input.quantity));
      const taken = await manager.createQueryBuilder().update(Reward)
        .set({ stock: () => `stock - ${input.quantity}` })
        .where('id = :id AND active = :active AND stock >= :quantity', { id: reward.id, active: true, quantity: input.quantity })
        .execute();
      if (!changed(taken)) {
        const now = await latestRow(manager, context.db, Reward, reward.id);
        throw new Refusal([rewardProblem(now, volunteer.areaCode, input.quantity) ?? problem('OUT_OF_STOCK', 'quantity', { stock: now.stock })]);
      }
      const redemption = newRedemption(context, volunteer, reward, input);
      await manager.getRepository(Redemption).insert(redemption);
      await appendEntry(manager, context.db, { volunteer, type: 'REDEEM', points: -redemption.pointsSpent, by: context.viewer.subject, redemptionId: redemption.id, note: reward.name });
      return { redemption, replayed: false };
    });
  } catch (error) {
    // Two first uses of one key that both missed each other: the index kept one.
    const earlier = isUniqueViolation(error)
      ? await context.db.dataSource.getRepository(Redemption).findOneBy({ volunteerId: volunteer.id, idempotencyKey: input.idempotencyKey })
      : null;
    if (!earlier) throw error;
    return replay(earlier, input);
  }
}

function replay(earlier: RedemptionEntity, input: RedemptionRequest): RedeemResult {
  if (!sameRequest(earlier, input)) refuse('IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
  return { redemption: earlier, replayed: true };
}

function newRedemption(context: Context, volunteer: VolunteerEntity, reward: { id: string; areaCode: string; pointsCost: number }, input: RedemptionRequest): RedemptionEntity {
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
    redeemedAt: currentTime(),
    redeemedBy: context.viewer.subject,
    pickedUpAt: null,
    cancelledAt: null,
    cancelReason: null,
  };
}

/** A redemption the viewer may see, with its volunteer: their own, their residents', or their catalogue's. */
async function visibleRedemption(context: Context, redemptionId: string): Promise<{ redemption: RedemptionEntity; volunteer: VolunteerEntity }> {
  const { dataSource } = context.db;
  const redemption = await dataSource.getRepository(Redemption).findOneBy({ id: redemptionId });
  const volunteer = redemption ? await dataSource.getRepository(Volunteer).findOneBy({ id: redemption.volunteerId }) : null;
  if (!redemption || !volunteer) refuse('REDEMPTION_NOT_FOUND', 'redemptionId');
  const { viewer } = context;
  if (!sees(viewer, volunteer, [redemption.areaCode, redemption.rewardAreaCode])) refuse('REDEMPTION_NOT_FOUND', 'redemptionId');
  return { redemption, volunteer };
}

/**
 * Cancels before pick-up and gives back both: the stock, and the points as a REVERSAL
 * entry, in one transaction. The UPDATE names PENDING_PICKUP, so it is reversed once.
 */
export async function cancelRedemption(context: Context, input: { redemptionId: string; reason?: string | null }): Promise<RedemptionEntity> {
  requireStanding(context);
  const { redemption, volunteer } = await visibleRedemption(context, input.redemptionId);
  if (!actsFor(context.viewer, volunteer) && !isWorkerFor(context.viewer, redemption.rewardAreaCode)) refuse('NOT_OWNER', 'redemptionId');
  refuseIf(cancellable(redemption));
  const cancelledAt = currentTime();
  const cancelReason = input.reason?.trim().slice(0, 200) || null;
  await inTransaction(context.db, async (manager) => {
    await lockRow(manager, context.db, Volunteer, volunteer.id);
    const result = await manager.getRepository(Redemption).update({ id: redemption.id, status: 'PENDING_PICKUP' }, { status: 'CANCELLED', cancelledAt, cancelReason });
    if (!changed(result)) refuse('REDEMPTION_NOT_PENDING', 'redemptionId');
    await manager.createQueryBuilder().update(Reward).set({ stock: () => `stock + ${redemption.quantity}` }).where('id = :id', { id: redemption.rewardId }).execute();
    await appendEntry(manager, context.db, { volunteer, type: 'REVERSAL', points: redemption.pointsSpent, by: context.viewer.subject, redemptionId: redemption.id, note: cancelReason });
  });
  context.loaders.rewardById.clear(redemption.rewardId);
  return { ...redemption, status: 'CANCELLED', cancelledAt, cancelReason };
}

/** A worker of the catalogue's area or of where the volunteer lives hands the reward over. */
export async function confirmRedemptionPickup(context: Context, input: { redemptionId: string }): Promise<RedemptionEntity> {
  requireStanding(context);
  const { redemption } = await visibleRedemption(context, input.redemptionId);
  if (!isWorkerFor(context.viewer, redemption.areaCode) && !isWorkerFor(context.viewer, redemption.rewardAreaCode)) refuse('OUT_OF_SCOPE', 'redemptionId');
  const pickedUpAt = currentTime();
  const result = await context.db.dataSource.getRepository(Redemption).update({ id: redemption.id, status: 'PENDING_PICKUP' }, { status: 'PICKED_UP', pickedUpAt });
  if (!changed(result)) refuse('REDEMPTION_NOT_PENDING', 'redemptionId');
  return { ...redemption, status: 'PICKED_UP', pickedUpAt };
}
