import { present } from '../../../kit/src/loaders.js';
import type { AreaResolvers, VolunteerTeamResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

export const VolunteerTeam: VolunteerTeamResolvers = {
  __resolveReference: (reference, context) => readable(context).teamById.load(reference.id),
  area: (team) => ({ code: team.areaCode }),
  /** Active members the viewer may see: a community worker sees their own residents of a street team. */
  members: async (team, _, { loaders }) => {
    const memberships = await loaders.activeMembershipsByTeam.load(team.id);
    return present(await loaders.volunteerById.loadMany(memberships.map((membership) => membership.volunteerId)));
  },
};

/** Areas are the grids subgraph's; here they are only the key a team points at. */
export const Area: AreaResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
};
