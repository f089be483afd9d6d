import { refuse } from '../../../../kit/src/problems.js';
import type { Context } from '../../context.js';
import { isSelf, isWorkerFor } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import type { VolunteerTeamEntity } from '../../entities/volunteer-team.js';
import { ledTeams, ownVolunteer, targetVolunteer } from './actors.js';

export async function visibleTeam(context: Context, teamId: string): Promise<VolunteerTeamEntity> {
  return (await context.loaders.teamById.load(teamId)) ?? refuse(problem('TEAM_NOT_FOUND', 'teamId'));
}

/** A worker of the team's area (a street team: any of its communities' workers) or one of its leaders. */
export async function managesTeam(
  context: Context,
  team: VolunteerTeamEntity,
  volunteerAreaCode: string,
): Promise<boolean> {
  return isWorkerFor(context.viewer, volunteerAreaCode) || (await ledTeams(context)).includes(team.id);
}

/** The volunteer themselves, or one a worker or the team's leader acts for. */
export async function volunteerForTeam(
  context: Context,
  team: VolunteerTeamEntity,
  volunteerId: string | null | undefined,
) {
  if (!volunteerId) return targetVolunteer(context, null);
  const own = await ownVolunteer(context);
  if (own?.id === volunteerId) return own;
  const volunteer = await context.loaders.volunteerById.load(volunteerId);
  if (!volunteer) refuse(problem('VOLUNTEER_NOT_FOUND', 'volunteerId'));
  if (!isSelf(context.viewer, volunteer) && !(await managesTeam(context, team, volunteer.areaCode)))
    refuse(problem('NOT_OWNER', 'volunteerId'));
  return volunteer;
}
