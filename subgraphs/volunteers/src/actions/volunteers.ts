import { requirePermission } from '../../../kit/src/auth.js';
import { inScope } from '../../../kit/src/scope.js';
import { isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isSelf } from '../domain/access.js';
import { checkProfile, type AvailabilitySlot } from '../domain/volunteer-profile.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { newId } from '../ids.js';
import { refuse, refuseAll } from '../refusal.js';
import { currentTime } from '../sql.js';
import { requireStanding, targetVolunteer } from './actors.js';

const PERSON_QUERY = 'query($id: ID!) { person(id: $id) { id grid { code } } }';

interface PersonFacts {
  id: string;
  grid: { code: string };
}

export interface ProfileInput {
  skills?: string[] | null;
  availability?: AvailabilitySlot[] | null;
}

/**
 * Registers a resident as a volunteer: a worker (`volunteer:write`) registers residents in
 * their scope, a resident registers themselves (the token's `personId`). Where they live
 * comes from the graph with the caller's token, so the people subgraph's own rules apply:
 * its scope for a worker, the resident's own record for a resident, wherever their token is
 * scoped. The unique index on the person refuses a second profile even when two requests race.
 */
export async function registerVolunteer(context: Context, input: ProfileInput & { personId: string }): Promise<VolunteerEntity> {
  const self = isSelf(context.viewer, { personId: input.personId });
  requirePermission(context.viewer, self ? 'volunteer:read' : 'volunteer:write');
  const profile = checkProfile(input);
  refuseAll(profile.problems);
  const { person } = await context.runtime.graph.request<{ person: PersonFacts | null }>(PERSON_QUERY, { id: input.personId }, context.runtime.authorization);
  if (!person) refuse('PERSON_NOT_FOUND', 'personId');
  if (!self && !inScope(context.viewer, person.grid.code)) refuse('OUT_OF_SCOPE', 'personId');
  const volunteer: VolunteerEntity = {
    id: newId(),
    personId: person.id,
    areaCode: person.grid.code,
    skills: profile.skills ?? [],
    availability: profile.availability ?? [],
    registeredAt: currentTime(),
  };
  try {
    await context.db.dataSource.getRepository(Volunteer).insert(volunteer);
  } catch (error) {
    if (isUniqueViolation(error)) refuse('ALREADY_REGISTERED', 'personId');
    throw error;
  }
  return volunteer;
}

/** Replaces skills and/or availability: the volunteer, or a worker of where they live. */
export async function updateVolunteerProfile(context: Context, input: ProfileInput & { volunteerId?: string | null }): Promise<VolunteerEntity> {
  requireStanding(context);
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const profile = checkProfile(input);
  refuseAll(profile.problems);
  const changes = {
    ...(profile.skills ? { skills: profile.skills } : {}),
    ...(profile.availability ? { availability: profile.availability } : {}),
  };
  if (Object.keys(changes).length) await context.db.dataSource.getRepository(Volunteer).update({ id: volunteer.id }, changes);
  context.loaders.volunteerById.clear(volunteer.id);
  return { ...volunteer, ...changes };
}
