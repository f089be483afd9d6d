import { orRefuse } from '../../../../kit/src/problems.js';
import { changed } from '../../../../kit/src/sql.js';
import { storedNow } from '../../../../kit/src/time.js';
import type { Context } from '../../context.js';
import { type ActivityAction, nextStatus } from '../../domain/activity-status.js';
import { reasonText } from '../../domain/text.js';
import { Activity, type ActivityEntity } from '../../entities/activity.js';
import { requireOrganizer, requireStanding, visibleActivity } from './actors.js';

/**
 * Moves an activity along its flow. The UPDATE names the status it moves from, so two
 * organisers pressing at once cannot both move it.
 */
export async function changeActivityStatus(
  context: Context,
  action: ActivityAction,
  input: { activityId: string; reason?: string | null },
): Promise<ActivityEntity> {
  requireStanding(context);
  const activity = await visibleActivity(context, input.activityId);
  await requireOrganizer(context, activity);
  const { to } = orRefuse(nextStatus(activity, action, storedNow()));
  const cancelReason = action === 'CANCEL' ? orRefuse(reasonText(input.reason)).value : activity.cancelReason;
  const result = await context.db.dataSource
    .getRepository(Activity)
    .update({ id: activity.id, status: activity.status }, { status: to, cancelReason });
  // Another request moved it first: judge the action again against what it is now. The
  // flow only moves forward, so this ends.
  if (!changed(result)) return changeActivityStatus(context, action, input);
  context.loaders.activityById.clear(activity.id);
  return { ...activity, status: to, cancelReason };
}
