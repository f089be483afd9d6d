import { requirePermission } from '../../../kit/src/auth.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { isSelf, isWorkerFor } from '../domain/access.js';
import { boundedText } from '../domain/text.js';
import { TeamMembership, type MembershipRole, type TeamMembershipEntity } from '../entities/team-membership.js';
import { VolunteerTeam, type VolunteerTeamEntity } from '../entities/volunteer-team.js';
import { newId } from '../ids.js';
import { orRefuse, refuse } from '../refusal.js';
import { currentTime } from '../sql.js';
import { ledTeams, ownVolunteer, requireStanding, targetVolunteer } from './actors.js';

/** A team serves a street (9 digits) or a community (12) inside the creator's scope. */
export async function createVolunteerTeam(context: Context, input: { name: string; areaCode: string }): Promise<VolunteerTeamEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const { value: name } = orRefuse(boundedText(input.name, 2, 32, 'INVALID_TEAM_NAME', 'name'));
  if (!/^\d{9}$|^\d{12}$/.test(input.areaCode)) refuse('INVALID_AREA_CODE', 'areaCode');
  if (!inScope(context.viewer, input.areaCode)) refuse('OUT_OF_SCOPE', 'areaCode');
  const team = { id: newId(), name, areaCode: input.areaCode };
  await context.db.dataSource.getRepository(VolunteerTeam).insert(team);
  return team;
}

async function visibleTeam(context: Context, teamId: string): Promise<VolunteerTeamEntity> {
  return (await context.loaders.teamById.load(teamId)) ?? refuse('TEAM_NOT_FOUND', 'teamId');
}

/** A worker of the team's area (a street team: any of its communities' workers) or one of its leaders. */
async function managesTeam(context: Context, team: VolunteerTeamEntity, volunteerAreaCode: string): Promise<boolean> {
  return isWorkerFor(context.viewer, volunteerAreaCode) || (await ledTeams(context)).includes(team.id);
}

/**
 * A volunteer joins a team that serves where they live, as a MEMBER; a worker or a team
 * leader may add others, and only a worker names a LEADER. Rejoining reopens the row.
 */
export async function joinTeam(context: Context, input: { teamId: string; volunteerId?: string | null; role?: MembershipRole | null }): Promise<TeamMembershipEntity> {
  requireStanding(context);
  const team = await visibleTeam(context, input.teamId);
  const volunteer = await volunteerForTeam(context, team, input.volunteerId);
  const role = input.role ?? 'MEMBER';
  if (role === 'LEADER' && !isWorkerFor(context.viewer, volunteer.areaCode)) refuse('LEADER_BY_WORKER_ONLY', 'role');
  if (!volunteer.areaCode.startsWith(team.areaCode)) refuse('TEAM_NOT_SERVING_AREA', 'teamId');
  const repository = context.db.dataSource.getRepository(TeamMembership);
  const key = { teamId: team.id, volunteerId: volunteer.id };
  const existing = await repository.findOneBy(key);
  if (existing && existing.leftAt === null) refuse('ALREADY_MEMBER', 'teamId');
  const membership: TeamMembershipEntity = { ...key, role, joinedAt: currentTime(), leftAt: null };
  if (existing) await repository.update(key, { role, joinedAt: membership.joinedAt, leftAt: null });
  else await repository.insert(membership);
  return membership;
}

export async function leaveTeam(context: Context, input: { teamId: string; volunteerId?: string | null }): Promise<TeamMembershipEntity> {
  requireStanding(context);
  const team = await visibleTeam(context, input.teamId);
  const volunteer = await volunteerForTeam(context, team, input.volunteerId);
  const repository = context.db.dataSource.getRepository(TeamMembership);
  const key = { teamId: team.id, volunteerId: volunteer.id };
  const existing = await repository.findOneBy(key);
  if (!existing || existing.leftAt !== null) refuse('NOT_MEMBER', 'teamId');
  const leftAt = currentTime();
  await repository.update(key, { leftAt });
  return { ...existing, leftAt };
}

/** The volunteer themselves, or one a worker or the team's leader acts for. */
async function volunteerForTeam(context: Context, team: VolunteerTeamEntity, volunteerId: string | null | undefined) {
  if (!volunteerId) return targetVolunteer(context, null);
  const own = await ownVolunteer(context);
  if (own?.id === volunteerId) return own;
  const volunteer = await context.loaders.volunteerById.load(volunteerId);
  if (!volunteer) refuse('VOLUNTEER_NOT_FOUND', 'volunteerId');
  if (!isSelf(context.viewer, volunteer) && !(await managesTeam(context, team, volunteer.areaCode))) refuse('NOT_OWNER', 'volunteerId');
  return volunteer;
}
