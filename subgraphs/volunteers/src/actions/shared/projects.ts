import type { EntityManager } from 'typeorm';
import { orRefuse, refuse } from '../../../../kit/src/problems.js';
import { inScope } from '../../../../kit/src/scope.js';
import { lockRow } from '../../../../kit/src/sql.js';
import { storedNow } from '../../../../kit/src/time.js';
import { inTransaction } from '../../../../kit/src/transaction.js';
import type { Context } from '../../context.js';
import { isWorkerFor } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { nextProjectStatus, type ProjectAction } from '../../domain/project-status.js';
import { reasonText } from '../../domain/text.js';
import { Project, type ProjectEntity } from '../../entities/project.js';
import { ledTeams, ownVolunteer, requireStanding } from './actors.js';

export type Authorize = (project: ProjectEntity, manager: EntityManager) => Promise<Partial<ProjectEntity>>;

/**
 * One step of a project's flow in one transaction: the project's row is locked first, so
 * two requests at once (two teams claiming, a close beside a new activity) happen one
 * after the other and the second is judged against what the first left.
 */
export async function moveProject(
  context: Context,
  projectId: string,
  action: ProjectAction,
  authorize: Authorize,
): Promise<ProjectEntity> {
  requireStanding(context);
  const { db } = context;
  const moved = await inTransaction(db, async (manager) => {
    await lockRow(manager, db, Project, projectId);
    const project = await manager.getRepository(Project).findOneBy({ id: projectId });
    if (!project || !inScope(context.viewer, project.areaCode)) refuse(problem('PROJECT_NOT_FOUND', 'projectId'));
    const values = await authorize(project, manager);
    const { to } = orRefuse(nextProjectStatus(project.status, action));
    const next = { ...values, status: to };
    await manager.getRepository(Project).update({ id: project.id }, next);
    return { ...project, ...next };
  });
  context.loaders.projectById.clear(projectId);
  return moved;
}

export function requireManager(context: Context, project: ProjectEntity): void {
  if (!isWorkerFor(context.viewer, project.areaCode)) refuse(problem('NOT_PROJECT_MANAGER', 'projectId'));
}

/** The community (a worker of it) approves or rejects a proposal; a rejection says why. */
export function decideProject(
  context: Context,
  approve: boolean,
  input: { projectId: string; reason?: string | null },
): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, approve ? 'APPROVE' : 'REJECT', async (project) => {
    requireManager(context, project);
    const reason = approve && !input.reason ? null : orRefuse(reasonText(input.reason)).value;
    return { decidedBy: context.viewer.subject, decidedAt: storedNow(), decisionReason: reason };
  });
}

/** The claimant (the volunteer, the team's leader) or a worker of the community. */
export async function isClaimantOrManager(context: Context, project: ProjectEntity): Promise<boolean> {
  if (isWorkerFor(context.viewer, project.areaCode)) return true;
  if (project.claimedByTeamId) return (await ledTeams(context)).includes(project.claimedByTeamId);
  const own = await ownVolunteer(context);
  return own !== null && own.id === project.claimedByVolunteerId;
}

/**
 * For `createActivity`: the project an activity will carry out, locked for the rest of the
 * transaction so that it cannot close meanwhile. The grid must lie in its community.
 */
export async function projectForActivity(
  context: Context,
  manager: EntityManager,
  projectId: string,
  gridCode: string,
): Promise<ProjectEntity> {
  await lockRow(manager, context.db, Project, projectId);
  const project = await manager.getRepository(Project).findOneBy({ id: projectId });
  if (!project || !inScope(context.viewer, project.areaCode)) refuse(problem('PROJECT_NOT_FOUND', 'projectId'));
  if (project.status !== 'CLAIMED' && project.status !== 'IN_PROGRESS')
    refuse(problem('PROJECT_NOT_ACCEPTING_ACTIVITIES', 'projectId'));
  if (!gridCode.startsWith(project.areaCode)) refuse(problem('PROJECT_NOT_IN_GRID_AREA', 'gridId'));
  return project;
}
