import { present } from '../../../kit/src/loaders.js';
import type { VolunteerTeamResolvers } from '../generated/resolvers.js';
import { readable } from '../context.js';

export const VolunteerTeam: VolunteerTeamResolvers = {
  __resolveReference: (reference, context) => readable(context).teamById.load(reference.id),
  area: (team) => ({ code: team.areaCode }),
  /** Active members the viewer may see: a community worker sees their own residents of a street team. */
  members: async (team, _, { loaders }) => {
    const memberships = await loaders.activeMembershipsByTeam.load(team.id);
    return present(await loaders.volunteerById.loadMany(memberships.map((membership) => membership.volunteerId)));
  },
  memberships: async (team, { includeFormer }, { loaders }) => {
    const memberships = (await loaders.membershipsByTeam.load(team.id)).filter(
      (membership) => includeFormer || membership.leftAt === null,
    );
    const volunteers = await loaders.volunteerById.loadMany(memberships.map((membership) => membership.volunteerId));
    return memberships.filter((_, index) => volunteers[index] !== null && !(volunteers[index] instanceof Error));
  },
};
