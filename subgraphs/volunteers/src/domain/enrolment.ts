import type { ActivityStatus } from './activity-status.js';
import { problem, type Problem } from './problems.js';

export const ENROLMENT_STATUSES = ['ENROLLED', 'CANCELLED', 'CHECKED_IN', 'CHECKED_OUT'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface ActivityFacts {
  status: ActivityStatus;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  enrolledCount: number;
}

/**
 * Why a volunteer may not enrol, or null: once (a cancelled enrolment may be renewed), in a
 * published activity before it starts, while places are free. The database re-checks the
 * capacity in the same UPDATE that takes the place, so this is the message, not the guard.
 */
export function enrolmentProblem(
  activity: ActivityFacts,
  existing: { status: EnrolmentStatus } | null,
  now: Date,
): Problem | null {
  if (existing && existing.status !== 'CANCELLED') return problem('ALREADY_ENROLLED', 'activityId');
  const closed = closedProblem(activity, now);
  if (closed) return closed;
  if (activity.enrolledCount >= activity.capacity) return problem('ACTIVITY_FULL', 'activityId');
  return null;
}

function closedProblem(activity: ActivityFacts, now: Date): Problem | null {
  switch (activity.status) {
    case 'CANCELLED':
      return problem('ACTIVITY_CANCELLED', 'activityId');
    case 'FINISHED':
      return problem('ACTIVITY_FINISHED', 'activityId');
    case 'DRAFT':
      return problem('ACTIVITY_NOT_OPEN', 'activityId');
    case 'ONGOING':
      return problem('ENROLMENT_CLOSED', 'activityId');
    case 'PUBLISHED':
      return activity.startsAt.getTime() <= now.getTime() ? problem('ENROLMENT_CLOSED', 'activityId') : null;
  }
}

/** Why an enrolment may not be cancelled, or null: it is active and the activity has not started. */
export function cancellationProblem(
  activity: ActivityFacts,
  enrolment: { status: EnrolmentStatus },
  now: Date,
): Problem | null {
  if (enrolment.status === 'CANCELLED') return problem('ENROLMENT_CANCELLED', 'enrolmentId');
  if (enrolment.status !== 'ENROLLED') return problem('CANCEL_CLOSED', 'enrolmentId');
  if (activity.status === 'CANCELLED') return problem('ACTIVITY_CANCELLED', 'enrolmentId');
  if (activity.status !== 'PUBLISHED' || activity.startsAt.getTime() <= now.getTime())
    return problem('CANCEL_CLOSED', 'enrolmentId');
  return null;
}
