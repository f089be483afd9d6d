import { requirePermission } from '../../../kit/src/auth.js';
import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { boundedText } from '../domain/text.js';
import { VolunteerTeam, type VolunteerTeamEntity } from '../entities/volunteer-team.js';

/** A team serves a street (9 digits) or a community (12) inside the creator's scope. */
export async function createVolunteerTeam(
  context: Context,
  input: { name: string; areaCode: string },
): Promise<VolunteerTeamEntity> {
  requirePermission(context.viewer, 'volunteer:write');
  const { value: name } = orRefuse(boundedText(input.name, 2, 32, 'INVALID_TEAM_NAME', 'name'));
  if (!/^\d{9}$|^\d{12}$/.test(input.areaCode)) refuse(problem('INVALID_AREA_CODE', 'areaCode'));
  if (!inScope(context.viewer, input.areaCode)) refuse(problem('OUT_OF_SCOPE', 'areaCode'));
  const team = { id: newId(), name, areaCode: input.areaCode };
  await context.db.dataSource.getRepository(VolunteerTeam).insert(team);
  return team;
}
