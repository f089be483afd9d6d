import type { TeamMembershipResolvers } from '../generated/resolvers.js';

export const TeamMembership: TeamMembershipResolvers = {
  team: (membership, _, { loaders }) => loaders.teamById.load(membership.teamId),
  volunteer: (membership, _, { loaders }) => loaders.volunteerById.load(membership.volunteerId),
};
