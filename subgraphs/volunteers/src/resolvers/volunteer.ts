import { present } from '../../../kit/src/loaders.js';
import { readable } from '../context.js';
import { minutesToHours } from '../domain/service-hours.js';
import { minutesToNextStar, starFor } from '../domain/stars.js';
import type { VolunteerResolvers } from '../generated/resolvers.js';
import type { Loaders } from '../loaders.js';
import type { VolunteerModel } from '../mappers.js';
import { certificateOf } from '../queries/certificates.js';

/** Confirmed minutes: summed with the volunteer when it was loaded, else through the batched loader. */
function confirmedMinutes(volunteer: VolunteerModel, loaders: Loaders): Promise<number> | number {
  return volunteer.confirmedMinutes ?? loaders.confirmedMinutesByVolunteer.load(volunteer.id);
}

export const Volunteer: VolunteerResolvers = {
  __resolveReference: (reference, context) => readable(context).volunteerById.load(reference.id),
  person: (volunteer) => ({ id: volunteer.personId }),
  teams: async (volunteer, _, { loaders }) => {
    const memberships = await loaders.activeMembershipsByVolunteer.load(volunteer.id);
    return present(await loaders.teamById.loadMany(memberships.map((membership) => membership.teamId)));
  },
  memberships: (volunteer, _, { loaders }) => loaders.membershipsByVolunteer.load(volunteer.id),
  confirmedHours: async (volunteer, _, { loaders }) => minutesToHours(await confirmedMinutes(volunteer, loaders)),
  totalHours: async (volunteer, _, { loaders }) => minutesToHours(await confirmedMinutes(volunteer, loaders)),
  star: async (volunteer, _, { loaders }) => starFor(await confirmedMinutes(volunteer, loaders)),
  hoursToNextStar: async (volunteer, _, { loaders }) => {
    const minutes = minutesToNextStar(await confirmedMinutes(volunteer, loaders));
    return minutes === null ? null : minutesToHours(minutes);
  },
  pointsBalance: (volunteer, _, { loaders }) => loaders.balanceByVolunteer.load(volunteer.id),
  ledger: (volunteer, { first, after }, { loaders }) =>
    loaders.ledgerByVolunteer.load({ value: volunteer.id, first, after }),
  enrolments: (volunteer, { first, after }, { loaders }) =>
    loaders.enrolmentsByVolunteer.load({ value: volunteer.id, first, after }),
  redemptions: (volunteer, { first, after }, { loaders }) =>
    loaders.redemptionsByVolunteer.load({ value: volunteer.id, first, after }),
  serviceRecord: (volunteer, { from, to }, { loaders }) => certificateOf(loaders, volunteer, from, to),
};
