import { problem, type Problem } from './problems.js';
import { boundedText, isWholeNumberIn } from './text.js';

export type RedemptionStatus = 'PENDING_PICKUP' | 'PICKED_UP' | 'CANCELLED';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
export const MAX_QUANTITY = 99;

export interface RedemptionRequest {
  rewardId: string;
  quantity: number;
  idempotencyKey: string;
}

/** What the request says about itself: a quantity of 1–99 and a well-formed key. */
export function requestProblems(request: RedemptionRequest): Problem[] {
  const problems: Problem[] = [];
  if (!isWholeNumberIn(request.quantity, 1, MAX_QUANTITY)) problems.push(problem('INVALID_QUANTITY', 'quantity'));
  if (!IDEMPOTENCY_KEY.test(request.idempotencyKey))
    problems.push(problem('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey'));
  return problems;
}

/** A key names one request: the same reward and quantity. */
export function sameRequest(existing: { rewardId: string; quantity: number }, request: RedemptionRequest): boolean {
  return existing.rewardId === request.rewardId && existing.quantity === request.quantity;
}

export interface RewardFacts {
  active: boolean;
  stock: number;
  areaCode: string;
}

/**
 * Why a reward cannot go to this volunteer in this quantity, or null. The stock UPDATE
 * re-checks `active` and `stock` as it takes them: this is the message, not the guard.
 */
export function rewardProblem(reward: RewardFacts, volunteerAreaCode: string, quantity: number): Problem | null {
  if (!reward.active) return problem('REWARD_INACTIVE', 'rewardId');
  if (!volunteerAreaCode.startsWith(reward.areaCode)) return problem('REWARD_NOT_OFFERED', 'rewardId');
  if (reward.stock < quantity) return problem('OUT_OF_STOCK', 'quantity', { stock: reward.stock });
  return null;
}

export function cancellable(redemption: { status: RedemptionStatus }): Problem | null {
  return redemption.status === 'PENDING_PICKUP' ? null : problem('REDEMPTION_NOT_PENDING', 'redemptionId');
}

export interface RewardRequest {
  name: string;
  description?: string | null;
  pointsCost: number;
  stock: number;
}

export function checkReward(
  request: RewardRequest,
):
  | { reward: { name: string; description: string | null; pointsCost: number; stock: number }; problems: [] }
  | { reward: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const name = boundedText(request.name, 2, 32, 'INVALID_REWARD_NAME', 'name');
  const description = boundedText(request.description, 0, 200, 'INVALID_DESCRIPTION', 'description');
  if ('problem' in name) problems.push(name.problem);
  if ('problem' in description) problems.push(description.problem);
  if (!isWholeNumberIn(request.pointsCost, 1, 100_000)) problems.push(problem('INVALID_POINTS_COST', 'pointsCost'));
  if (!isWholeNumberIn(request.stock, 0, 100_000)) problems.push(problem('INVALID_STOCK', 'stock'));
  if (problems.length || 'problem' in name || 'problem' in description) return { reward: null, problems };
  return {
    reward: {
      name: name.value,
      description: description.value || null,
      pointsCost: request.pointsCost,
      stock: request.stock,
    },
    problems: [],
  };
}
