import { problem, type Problem } from './problems.js';

/** DRAFT → PUBLISHED → ONGOING → FINISHED, or CANCELLED from DRAFT or PUBLISHED. */
export const ACTIVITY_STATUSES = ['DRAFT', 'PUBLISHED', 'ONGOING', 'FINISHED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export function isActivityStatus(value: string): value is ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(value);
}

export function parseActivityStatus(value: string): ActivityStatus {
  if (!isActivityStatus(value)) throw new Error(`unknown activity status ${value}`);
  return value;
}

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  ONGOING: '进行中',
  FINISHED: '已结束',
  CANCELLED: '已取消',
};

export type ActivityAction = 'PUBLISH' | 'START' | 'FINISH' | 'CANCEL';

const FLOW: Record<ActivityAction, { from: readonly ActivityStatus[]; to: ActivityStatus; label: string }> = {
  PUBLISH: { from: ['DRAFT'], to: 'PUBLISHED', label: '发布' },
  START: { from: ['PUBLISHED'], to: 'ONGOING', label: '开始' },
  FINISH: { from: ['ONGOING'], to: 'FINISHED', label: '结束' },
  CANCEL: { from: ['DRAFT', 'PUBLISHED'], to: 'CANCELLED', label: '取消' },
};

/**
 * The status an action moves an activity to, or why it may not: the flow allows it from
 * the current status; an activity whose start has passed is not published; cancelling
 * needs a reason (checked by the caller, which has the input).
 */
export function nextStatus(
  current: { status: ActivityStatus; startsAt: Date },
  action: ActivityAction,
  now: Date,
): { to: ActivityStatus } | { problem: Problem } {
  const step = FLOW[action];
  if (!step.from.includes(current.status)) {
    return {
      problem: problem('INVALID_TRANSITION', null, { status: STATUS_LABELS[current.status], action: step.label }),
    };
  }
  if (action === 'PUBLISH' && current.startsAt.getTime() <= now.getTime())
    return { problem: problem('STARTS_IN_PAST') };
  return { to: step.to };
}
