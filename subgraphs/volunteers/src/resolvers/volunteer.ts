import { present } from '../../../kit/src/loaders.js';
import { minutesToHours } from '../domain/service-hours.js';
import type { VolunteerResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

export const Volunteer: VolunteerResolvers = {
  __resolveReference: (reference, context) => readable(context).volunteerById.load(reference.id),
  person: (volunteer) => ({ id: volunteer.personId }),
  teams: async (volunteer, _, { loaders }) => {
    const memberships = await loaders.activeMembershipsByVolunteer.load(volunteer.id);
    return present(await loaders.teamById.loadMany(memberships.map((membership) => membership.teamId)));
  },
  confirmedHours: (volunteer) => minutesToHours(volunteer.confirmedMinutes),
};
