import { requirePermission } from '../../../kit/src/auth.js';
import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { storedNow } from '../../../kit/src/time.js';
import { isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isSelf } from '../domain/access.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { checkProfile, type ProfileChanges } from '../domain/volunteer-profile.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { personFor } from '../graph/person.js';

/**
 * Registers a resident as a volunteer: a worker (`volunteer:write`) registers residents in
 * their scope, a resident registers themselves (the token's `personId`). Where they live
 * comes from the graph with the caller's token, so the people subgraph's own rules apply:
 * its scope for a worker, the resident's own record for a resident, wherever their token is
 * scoped. The unique index on the person refuses a second profile even when two requests race.
 */
export async function registerVolunteer(
  context: Context,
  input: ProfileChanges & { personId: string },
): Promise<VolunteerEntity> {
  const self = isSelf(context.viewer, { personId: input.personId });
  requirePermission(context.viewer, self ? 'volunteer:read' : 'volunteer:write');
  const profile = checkProfile(input);
  refuseIf(profile.problems);
  const person = await personFor(context, input.personId);
  if (!person) refuse(problem('PERSON_NOT_FOUND', 'personId'));
  if (!self && !inScope(context.viewer, person.grid.code)) refuse(problem('OUT_OF_SCOPE', 'personId'));
  const volunteer: VolunteerEntity = {
    id: newId(),
    personId: person.id,
    areaCode: person.grid.code,
    skills: profile.skills ?? [],
    availability: profile.availability ?? [],
    registeredAt: storedNow(),
  };
  try {
    await context.db.dataSource.getRepository(Volunteer).insert(volunteer);
  } catch (error) {
    if (isUniqueViolation(error)) refuse(problem('ALREADY_REGISTERED', 'personId'));
    throw error;
  }
  return volunteer;
}
