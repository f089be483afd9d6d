import { refuse } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { TeamMembership, type TeamMembershipEntity } from '../entities/team-membership.js';
import { requireStanding } from './shared/actors.js';
import { visibleTeam, volunteerForTeam } from './shared/teams.js';

/** Leaves a team: the membership stays, with the date it ended, so the history keeps both dates. */
export async function leaveTeam(
  context: Context,
  input: { teamId: string; volunteerId?: string | null },
): Promise<TeamMembershipEntity> {
  requireStanding(context);
  const team = await visibleTeam(context, input.teamId);
  const volunteer = await volunteerForTeam(context, team, input.volunteerId);
  const repository = context.db.dataSource.getRepository(TeamMembership);
  const key = { teamId: team.id, volunteerId: volunteer.id };
  const existing = await repository.findOneBy(key);
  if (!existing || existing.leftAt !== null) refuse(problem('NOT_MEMBER', 'teamId'));
  const leftAt = storedNow();
  await repository.update(key, { leftAt });
  return { ...existing, leftAt };
}
