import type { Context } from '../context.js';
import type { ActivityEntity } from '../entities/activity.js';
import { changeActivityStatus } from './shared/activity-flow.js';

/** Cancels a DRAFT or PUBLISHED activity, with a reason. */
export function cancelActivity(
  context: Context,
  input: { activityId: string; reason?: string | null },
): Promise<ActivityEntity> {
  return changeActivityStatus(context, 'CANCEL', input);
}
