import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed, lockRow } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { actsFor, isWorkerFor } from '../domain/access.js';
import { problem } from '../domain/problems.js';
import { cancellable } from '../domain/redemption.js';
import { Redemption, type RedemptionEntity } from '../entities/redemption.js';
import { Reward } from '../entities/reward.js';
import { Volunteer } from '../entities/volunteer.js';
import { requireStanding } from './shared/actors.js';
import { appendEntry } from './shared/ledger.js';
import { visibleRedemption } from './shared/redemptions.js';

/**
 * Cancels before pick-up and gives back both: the stock, and the points as a REVERSAL
 * entry, in one transaction. The UPDATE names PENDING_PICKUP, so it is reversed once.
 */
export async function cancelRedemption(
  context: Context,
  input: { redemptionId: string; reason?: string | null },
): Promise<RedemptionEntity> {
  requireStanding(context);
  const { redemption, volunteer } = await visibleRedemption(context, input.redemptionId);
  if (!actsFor(context.viewer, volunteer) && !isWorkerFor(context.viewer, redemption.rewardAreaCode))
    refuse(problem('NOT_OWNER', 'redemptionId'));
  refuseIf(cancellable(redemption));
  const cancelledAt = storedNow();
  const cancelReason = input.reason?.trim().slice(0, 200) || null;
  await inTransaction(context.db, async (manager) => {
    await lockRow(manager, context.db, Volunteer, volunteer.id);
    const result = await manager
      .getRepository(Redemption)
      .update({ id: redemption.id, status: 'PENDING_PICKUP' }, { status: 'CANCELLED', cancelledAt, cancelReason });
    if (!changed(result)) refuse(problem('REDEMPTION_NOT_PENDING', 'redemptionId'));
    await manager
      .createQueryBuilder()
      .update(Reward)
      .set({ stock: () => `stock + ${redemption.quantity}` })
      .where('id = :id', { id: redemption.rewardId })
      .execute();
    await appendEntry(manager, context.db, {
      volunteer,
      type: 'REVERSAL',
      points: redemption.pointsSpent,
      by: context.viewer.subject,
      redemptionId: redemption.id,
      note: cancelReason,
    });
  });
  context.loaders.rewardById.clear(redemption.rewardId);
  return { ...redemption, status: 'CANCELLED', cancelledAt, cancelReason };
}
