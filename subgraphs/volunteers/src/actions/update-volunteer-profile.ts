import { refuseIf } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import { checkProfile, type ProfileChanges } from '../domain/volunteer-profile.js';
import { Volunteer, type VolunteerEntity } from '../entities/volunteer.js';
import { requireStanding, targetVolunteer } from './shared/actors.js';

/** Replaces skills and/or availability: the volunteer, or a worker of where they live. */
export async function updateVolunteerProfile(
  context: Context,
  input: ProfileChanges & { volunteerId?: string | null },
): Promise<VolunteerEntity> {
  requireStanding(context);
  const volunteer = await targetVolunteer(context, input.volunteerId);
  const profile = checkProfile(input);
  refuseIf(profile.problems);
  const changes = {
    ...(profile.skills ? { skills: profile.skills } : {}),
    ...(profile.availability ? { availability: profile.availability } : {}),
  };
  if (Object.keys(changes).length)
    await context.db.dataSource.getRepository(Volunteer).update({ id: volunteer.id }, changes);
  context.loaders.volunteerById.clear(volunteer.id);
  return { ...volunteer, ...changes };
}
