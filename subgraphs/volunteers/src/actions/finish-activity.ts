import type { Context } from '../context.js';
import type { ActivityEntity } from '../entities/activity.js';
import { changeActivityStatus } from './shared/activity-flow.js';

/** Finishes an ONGOING activity: its records can then be confirmed. */
export function finishActivity(context: Context, input: { activityId: string }): Promise<ActivityEntity> {
  return changeActivityStatus(context, 'FINISH', input);
}
