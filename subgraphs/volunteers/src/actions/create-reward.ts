import { requirePermission } from '../../../kit/src/auth.js';
import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { checkReward, type RewardRequest } from '../domain/redemption.js';
import { Reward, type RewardEntity } from '../entities/reward.js';

/** A reward in the catalogue of a street (9 digits) or community (12) inside the worker's scope. */
export async function createReward(
  context: Context,
  input: RewardRequest & { areaCode: string },
): Promise<RewardEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const checked = checkReward(input);
  refuseIf(checked.problems);
  if (!/^\d{9}$|^\d{12}$/.test(input.areaCode)) refuse(problem('INVALID_AREA_CODE', 'areaCode'));
  if (!inScope(context.viewer, input.areaCode)) refuse(problem('OUT_OF_SCOPE', 'areaCode'));
  const reward: RewardEntity = {
    ...checked.reward!,
    id: newId(),
    areaCode: input.areaCode,
    active: true,
    createdAt: storedNow(),
  };
  await context.db.dataSource.getRepository(Reward).insert(reward);
  return reward;
}
