import type { ProjectClaimantResolvers } from '../generated/resolvers.js';

export const ProjectClaimant: ProjectClaimantResolvers = {
  // A volunteer is a person; a team has a name and no person.
  __resolveType: (claimant) => ('personId' in claimant ? 'Volunteer' : 'VolunteerTeam'),
};
