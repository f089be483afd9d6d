import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { type ActivityRequest, checkActivity } from '../domain/activity-input.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { Activity, type ActivityEntity } from '../entities/activity.js';
import { PointRate } from '../entities/point-rate.js';
import { gridFor } from '../graph/grid.js';
import { ledTeams, requireStanding } from './shared/actors.js';
import { projectForActivity } from './shared/projects.js';

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
  const checked = checkActivity(input, categories, storedNow());
  refuseIf(checked.problems);
  const grid = await gridFor(context, input.gridId);
  if (grid?.status !== 'ACTIVE') refuse(problem('GRID_NOT_FOUND', 'gridId'));
  if (!inScope(context.viewer, grid.code)) refuse(problem('OUT_OF_SCOPE', 'gridId'));
  const teamId = input.teamId ?? null;
  if (teamId) {
    const team = (await context.loaders.teamById.load(teamId)) ?? refuse(problem('TEAM_NOT_FOUND', 'teamId'));
    if (!grid.code.startsWith(team.areaCode)) refuse(problem('TEAM_NOT_SERVING_GRID', 'teamId'));
  }
  const leads = teamId !== null && (await ledTeams(context)).includes(teamId);
  if (!isWorkerFor(context.viewer, grid.code) && !leads) refuse(problem('NOT_ORGANIZER', teamId ? 'teamId' : 'gridId'));
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
