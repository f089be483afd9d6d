import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { checkProject, type ProjectRequest } from '../domain/project-input.js';
import { Project, type ProjectEntity } from '../entities/project.js';
import { ownVolunteer, requireStanding } from './shared/actors.js';

/**
 * A resident volunteer proposes a project for the community they live in; a worker
 * proposes one for any community in their scope.
 */
export async function proposeProject(context: Context, input: ProjectRequest): Promise<ProjectEntity> {
  requireStanding(context);
  const checked = checkProject(input);
  refuseIf(checked.problems);
  const values = checked.project!;
  if (!isWorkerFor(context.viewer, values.areaCode)) {
    const own = (await ownVolunteer(context)) ?? refuse(problem('NOT_A_VOLUNTEER', 'areaCode'));
    if (!own.areaCode.startsWith(values.areaCode)) refuse(problem('NOT_RESIDENT_OF_COMMUNITY', 'areaCode'));
  }
  const project: ProjectEntity = {
    ...values,
    id: newId(),
    status: 'PROPOSED',
    proposedBy: context.viewer.subject,
    proposedAt: storedNow(),
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    claimedByTeamId: null,
    claimedByVolunteerId: null,
    claimedAt: null,
    startedAt: null,
    closedAt: null,
    result: null,
  };
  await context.db.dataSource.getRepository(Project).insert(project);
  return project;
}
