import { refuse } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { problem } from '../domain/problems.js';
import { Redemption, type RedemptionEntity } from '../entities/redemption.js';
import { requireStanding } from './shared/actors.js';
import { visibleRedemption } from './shared/redemptions.js';

/** A worker of the catalogue's area or of where the volunteer lives hands the reward over. */
export async function confirmRedemptionPickup(
  context: Context,
  input: { redemptionId: string },
): Promise<RedemptionEntity> {
  requireStanding(context);
  const { redemption } = await visibleRedemption(context, input.redemptionId);
  if (!isWorkerFor(context.viewer, redemption.areaCode) && !isWorkerFor(context.viewer, redemption.rewardAreaCode))
    refuse(problem('OUT_OF_SCOPE', 'redemptionId'));
  const pickedUpAt = storedNow();
  const result = await context.db.dataSource
    .getRepository(Redemption)
    .update({ id: redemption.id, status: 'PENDING_PICKUP' }, { status: 'PICKED_UP', pickedUpAt });
  if (!changed(result)) refuse(problem('REDEMPTION_NOT_PENDING', 'redemptionId'));
  return { ...redemption, status: 'PICKED_UP', pickedUpAt };
}
