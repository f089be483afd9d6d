import { problem, type Problem } from './problems.js';

/** PROPOSED → APPROVED or REJECTED; APPROVED → CLAIMED (认领) → IN_PROGRESS → CLOSED. */
export const PROJECT_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'CLAIMED', 'IN_PROGRESS', 'CLOSED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  PROPOSED: '待审议',
  APPROVED: '已通过',
  REJECTED: '未通过',
  CLAIMED: '已认领',
  IN_PROGRESS: '实施中',
  CLOSED: '已结项',
};

export type ProjectAction = 'APPROVE' | 'REJECT' | 'CLAIM' | 'START' | 'CLOSE';

const FLOW: Record<ProjectAction, { from: ProjectStatus; to: ProjectStatus; label: string }> = {
  APPROVE: { from: 'PROPOSED', to: 'APPROVED', label: '通过' },
  REJECT: { from: 'PROPOSED', to: 'REJECTED', label: '驳回' },
  CLAIM: { from: 'APPROVED', to: 'CLAIMED', label: '认领' },
  START: { from: 'CLAIMED', to: 'IN_PROGRESS', label: '开工' },
  CLOSE: { from: 'IN_PROGRESS', to: 'CLOSED', label: '结项' },
};

export function nextProjectStatus(
  current: ProjectStatus,
  action: ProjectAction,
): { from: ProjectStatus; to: ProjectStatus } | { problem: Problem } {
  const step = FLOW[action];
  if (current !== step.from)
    return {
      problem: problem('INVALID_PROJECT_TRANSITION', null, {
        status: PROJECT_STATUS_LABELS[current],
        action: step.label,
      }),
    };
  return { from: step.from, to: step.to };
}

/** Activities may be added while the project is claimed or under way, never before approval or after closing. */
export function acceptsActivities(status: ProjectStatus): boolean {
  return status === 'CLAIMED' || status === 'IN_PROGRESS';
}
