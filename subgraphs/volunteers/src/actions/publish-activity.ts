import type { Context } from '../context.js';
import type { ActivityEntity } from '../entities/activity.js';
import { changeActivityStatus } from './shared/activity-flow.js';

/** Publishes a DRAFT activity, opening it to enrolment. */
export function publishActivity(context: Context, input: { activityId: string }): Promise<ActivityEntity> {
  return changeActivityStatus(context, 'PUBLISH', input);
}
