import type { EntityManager } from 'typeorm';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { checkProject, type ProjectRequest } from '../domain/project-input.js';
import { nextProjectStatus, type ProjectAction } from '../domain/project-status.js';
import { boundedText, reasonText } from '../domain/text.js';
import { Activity } from '../entities/activity.js';
import { Project, type ProjectEntity } from '../entities/project.js';
import { newId } from '../ids.js';
import { orRefuse, refuse, refuseAll } from '../refusal.js';
import { currentTime, lockRow } from '../sql.js';
import { ledTeams, ownVolunteer, requireStanding } from './actors.js';

/**
 * A resident volunteer proposes a project for the community they live in; a worker
 * proposes one for any community in their scope.
 */
export async function proposeProject(context: Context, input: ProjectRequest): Promise<ProjectEntity> {
  requireStanding(context);
  const checked = checkProject(input);
  refuseAll(checked.problems);
  const values = checked.project!;
  if (!isWorkerFor(context.viewer, values.areaCode)) {
    const own = (await ownVolunteer(context)) ?? refuse('NOT_A_VOLUNTEER', 'areaCode');
    if (!own.areaCode.startsWith(values.areaCode)) refuse('NOT_RESIDENT_OF_COMMUNITY', 'areaCode');
  }
  const project: ProjectEntity = {
    ...values, id: newId(), status: 'PROPOSED', proposedBy: context.viewer.subject, proposedAt: currentTime(),
    decidedBy: null, decidedAt: null, decisionReason: null, claimedByTeamId: null, claimedByVolunteerId: null, claimedAt: null,
    startedAt: null, closedAt: null, result: null,
  };
  await context.db.dataSource.getRepository(Project).insert(project);
  return project;
}

type Authorize = (project: ProjectEntity, manager: EntityManager) => Promise<Partial<ProjectEntity>>;

/**
 * One step of a project's flow in one transaction: the project's row is locked first, so
 * two requests at once (two teams claiming, a close beside a new activity) happen one
 * after the other and the second is judged against what the first left.
 */
async function moveProject(context: Context, projectId: string, action: ProjectAction, authorize: Authorize): Promise<ProjectEntity> {
  requireStanding(context);
  const { db } = context;
  const moved = await inTransaction(db, async (manager) => {
    await lockRow(manager, db, Project, projectId);
    const project = await manager.getRepository(Project).findOneBy({ id: projectId });
    if (!project || !inScope(context.viewer, project.areaCode)) refuse('PROJECT_NOT_FOUND', 'projectId');
    const values = await authorize(project, manager);
    const { to } = orRefuse(nextProjectStatus(project.status, action));
    const next = { ...values, status: to };
    await manager.getRepository(Project).update({ id: project.id }, next);
    return { ...project, ...next };
  });
  context.loaders.projectById.clear(projectId);
  return moved;
}

function requireManager(context: Context, project: ProjectEntity): void {
  if (!isWorkerFor(context.viewer, project.areaCode)) refuse('NOT_PROJECT_MANAGER', 'projectId');
}

/** The community (a worker of it) approves or rejects a proposal; a rejection says why. */
export function decideProject(context: Context, approve: boolean, input: { projectId: string; reason?: string | null }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, approve ? 'APPROVE' : 'REJECT', async (project) => {
    requireManager(context, project);
    const reason = approve && !input.reason ? null : orRefuse(reasonText(input.reason)).value;
    return { decidedBy: context.viewer.subject, decidedAt: currentTime(), decisionReason: reason };
  });
}

/**
 * 认领: a team that serves the community (by its leader, or a worker for it), or a
 * volunteer who lives there, for themselves.
 */
export function claimProject(context: Context, input: { projectId: string; teamId?: string | null }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'CLAIM', async (project) => {
    if (input.teamId) {
      const team = (await context.loaders.teamById.load(input.teamId)) ?? refuse('TEAM_NOT_FOUND', 'teamId');
      if (!project.areaCode.startsWith(team.areaCode)) refuse('TEAM_NOT_SERVING_PROJECT', 'teamId');
      if (!isWorkerFor(context.viewer, project.areaCode) && !(await ledTeams(context)).includes(team.id)) refuse('NOT_TEAM_LEADER', 'teamId');
      return { claimedByTeamId: team.id, claimedByVolunteerId: null, claimedAt: currentTime() };
    }
    const own = (await ownVolunteer(context)) ?? refuse('NOT_A_VOLUNTEER', 'teamId');
    if (!own.areaCode.startsWith(project.areaCode)) refuse('NOT_RESIDENT_OF_COMMUNITY', 'projectId');
    return { claimedByTeamId: null, claimedByVolunteerId: own.id, claimedAt: currentTime() };
  });
}

/** The claimant (the volunteer, the team's leader) or a worker of the community. */
async function isClaimantOrManager(context: Context, project: ProjectEntity): Promise<boolean> {
  if (isWorkerFor(context.viewer, project.areaCode)) return true;
  if (project.claimedByTeamId) return (await ledTeams(context)).includes(project.claimedByTeamId);
  const own = await ownVolunteer(context);
  return own !== null && own.id === project.claimedByVolunteerId;
}

export function startProject(context: Context, input: { projectId: string }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'START', async (project) => {
    if (!(await isClaimantOrManager(context, project))) refuse('NOT_PROJECT_CLAIMANT', 'projectId');
    return { startedAt: currentTime() };
  });
}

/** A worker closes a project under way with its result, once none of its activities is still open. */
export function closeProject(context: Context, input: { projectId: string; result: string }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'CLOSE', async (project, manager) => {
    requireManager(context, project);
    const { value: result } = orRefuse(boundedText(input.result, 2, 1000, 'INVALID_RESULT', 'result'));
    if (project.status === 'IN_PROGRESS') {
      const open = await manager.getRepository(Activity).createQueryBuilder('activity')
        .where('activity.projectId = :id', { id: project.id }).andWhere('activity.status IN (:...open)', { open: ['DRAFT', 'PUBLISHED', 'ONGOING'] }).getCount();
      if (open > 0) refuse('PROJECT_ACTIVITIES_OPEN', 'projectId', { count: open });
    }
    return { closedAt: currentTime(), result };
  });
}

/**
 * For `createActivity`: the project an activity will carry out, locked for the rest of the
 * transaction so that it cannot close meanwhile. The grid must lie in its community.
 */
export async function projectForActivity(context: Context, manager: EntityManager, projectId: string, gridCode: string): Promise<ProjectEntity> {
  await lockRow(manager, context.db, Project, projectId);
  const project = await manager.getRepository(Project).findOneBy({ id: projectId });
  if (!project || !inScope(context.viewer, project.areaCode)) refuse('PROJECT_NOT_FOUND', 'projectId');
  if (project.status !== 'CLAIMED' && project.status !== 'IN_PROGRESS') refuse('PROJECT_NOT_ACCEPTING_ACTIVITIES', 'projectId');
  if (!gridCode.startsWith(project.areaCode)) refuse('PROJECT_NOT_IN_GRID_AREA', 'gridId');
  return project;
}
