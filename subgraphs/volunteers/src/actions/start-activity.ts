import type { Context } from '../context.js';
import type { ActivityEntity } from '../entities/activity.js';
import { changeActivityStatus } from './shared/activity-flow.js';

/** Starts a PUBLISHED activity: check-in opens. */
export function startActivity(context: Context, input: { activityId: string }): Promise<ActivityEntity> {
  return changeActivityStatus(context, 'START', input);
}
