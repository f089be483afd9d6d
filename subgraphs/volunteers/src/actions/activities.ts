import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { checkActivity, type ActivityRequest } from '../domain/activity-input.js';
import { nextStatus, type ActivityAction } from '../domain/activity-status.js';
import { reasonText } from '../domain/text.js';
import { Activity, type ActivityEntity } from '../entities/activity.js';
import { PointRate } from '../entities/point-rate.js';
import { newId } from '../ids.js';
import { orRefuse, refuse, refuseAll } from '../refusal.js';
import { changed, currentTime } from '../sql.js';
import { projectForActivity } from './projects.js';
import { ledTeams, requireOrganizer, requireStanding, visibleActivity } from './actors.js';

const GRID_QUERY = 'query($id: ID!) { grid(id: $id) { id code status } }';

interface GridFacts {
  id: string;
  code: string;
  status: 'ACTIVE' | 'RETIRED';
}

export interface CreateActivityInput extends ActivityRequest {
  gridId: string;
  teamId?: string | null;
  /** The 家园共筑 project it carries out: claimed or under way, in the grid's community. */
  projectId?: string | null;
}

/**
 * A DRAFT activity in a grid the graph shows the caller: a worker whose scope holds the
 * grid, or a leader of the organising team, which must serve the grid.
 */
export async function createActivity(context: Context, input: CreateActivityInput): Promise<ActivityEntity> {
  requireStanding(context);
  const categories = (await context.db.dataSource.getRepository(PointRate).find()).map((rate) => rate.category);
  const checked = checkActivity(input, categories, currentTime());
  refuseAll(checked.problems);
  const { grid } = await context.runtime.graph.request<{ grid: GridFacts | null }>(GRID_QUERY, { id: input.gridId }, context.runtime.authorization);
  if (!grid || grid.status !== 'ACTIVE') refuse('GRID_NOT_FOUND', 'gridId');
  if (!inScope(context.viewer, grid.code)) refuse('OUT_OF_SCOPE', 'gridId');
  const teamId = input.teamId ?? null;
  if (teamId) {
    const team = (await context.loaders.teamById.load(teamId)) ?? refuse('TEAM_NOT_FOUND', 'teamId');
    if (!grid.code.startsWith(team.areaCode)) refuse('TEAM_NOT_SERVING_GRID', 'teamId');
  }
  const leads = teamId !== null && (await ledTeams(context)).includes(teamId);
  if (!isWorkerFor(context.viewer, grid.code) && !leads) refuse('NOT_ORGANIZER', teamId ? 'teamId' : 'gridId');
  const activity: ActivityEntity = {
    ...checked.activity!,
    id: newId(),
    status: 'DRAFT',
    gridId: grid.id,
    areaCode: grid.code,
    teamId,
    enrolledCount: 0,
    cancelReason: null,
    createdBy: context.viewer.subject,
    projectId: input.projectId ?? null,
  };
  if (!input.projectId) {
    await context.db.dataSource.getRepository(Activity).insert(activity);
    return activity;
  }
  const projectId = input.projectId;
  // Service on a project's activities is ordinary service: enrolment, records and points
  // follow the activity; the project only groups them.
  await inTransaction(context.db, async (manager) => {
    await projectForActivity(context, manager, projectId, grid.code);
    await manager.getRepository(Activity).insert(activity);
  });
  return activity;
}

/**
 * Moves an activity along its flow. The UPDATE names the status it moves from, so two
 * organisers pressing at once cannot both move it.
 */
export async function changeActivityStatus(context: Context, action: ActivityAction, input: { activityId: string; reason?: string | null }): Promise<ActivityEntity> {
  requireStanding(context);
  const activity = await visibleActivity(context, input.activityId);
  await requireOrganizer(context, activity);
  const { to } = orRefuse(nextStatus(activity, action, currentTime()));
  const cancelReason = action === 'CANCEL' ? orRefuse(reasonText(input.reason)).value : activity.cancelReason;
  const result = await context.db.dataSource.getRepository(Activity).update({ id: activity.id, status: activity.status }, { status: to, cancelReason });
  // Another request moved it first: judge the action again against what it is now. The
  // flow only moves forward, so this ends.
  if (!changed(result)) return changeActivityStatus(context, action, input);
  context.loaders.activityById.clear(activity.id);
  return { ...activity, status: to, cancelReason };
}
