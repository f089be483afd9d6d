import { refuse } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { problem } from '../domain/problems.js';
import type { ProjectEntity } from '../entities/project.js';
import { ledTeams, ownVolunteer } from './shared/actors.js';
import { moveProject } from './shared/projects.js';

/**
 * 认领: a team that serves the community (by its leader, or a worker for it), or a
 * volunteer who lives there, for themselves.
 */
export function claimProject(
  context: Context,
  input: { projectId: string; teamId?: string | null },
): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'CLAIM', async (project) => {
    if (input.teamId) {
      const team = (await context.loaders.teamById.load(input.teamId)) ?? refuse(problem('TEAM_NOT_FOUND', 'teamId'));
      if (!project.areaCode.startsWith(team.areaCode)) refuse(problem('TEAM_NOT_SERVING_PROJECT', 'teamId'));
      if (!isWorkerFor(context.viewer, project.areaCode) && !(await ledTeams(context)).includes(team.id))
        refuse(problem('NOT_TEAM_LEADER', 'teamId'));
      return { claimedByTeamId: team.id, claimedByVolunteerId: null, claimedAt: storedNow() };
    }
    const own = (await ownVolunteer(context)) ?? refuse(problem('NOT_A_VOLUNTEER', 'teamId'));
    if (!own.areaCode.startsWith(project.areaCode)) refuse(problem('NOT_RESIDENT_OF_COMMUNITY', 'projectId'));
    return { claimedByTeamId: null, claimedByVolunteerId: own.id, claimedAt: storedNow() };
  });
}
