import { refuse } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { problem } from '../domain/problems.js';
import { type MembershipRole, TeamMembership, type TeamMembershipEntity } from '../entities/team-membership.js';
import { requireStanding } from './shared/actors.js';
import { visibleTeam, volunteerForTeam } from './shared/teams.js';

/**
 * A volunteer joins a team that serves where they live, as a MEMBER; a worker or a team
 * leader may add others, and only a worker names a LEADER. Rejoining reopens the row.
 */
export async function joinTeam(
  context: Context,
  input: { teamId: string; volunteerId?: string | null; role?: MembershipRole | null },
): Promise<TeamMembershipEntity> {
  requireStanding(context);
  const team = await visibleTeam(context, input.teamId);
  const volunteer = await volunteerForTeam(context, team, input.volunteerId);
  const role = input.role ?? 'MEMBER';
  if (role === 'LEADER' && !isWorkerFor(context.viewer, volunteer.areaCode))
    refuse(problem('LEADER_BY_WORKER_ONLY', 'role'));
  if (!volunteer.areaCode.startsWith(team.areaCode)) refuse(problem('TEAM_NOT_SERVING_AREA', 'teamId'));
  const repository = context.db.dataSource.getRepository(TeamMembership);
  const key = { teamId: team.id, volunteerId: volunteer.id };
  const existing = await repository.findOneBy(key);
  if (existing && existing.leftAt === null) refuse(problem('ALREADY_MEMBER', 'teamId'));
  const membership: TeamMembershipEntity = { ...key, role, joinedAt: storedNow(), leftAt: null };
  if (existing) await repository.update(key, { role, joinedAt: membership.joinedAt, leftAt: null });
  else await repository.insert(membership);
  return membership;
}
