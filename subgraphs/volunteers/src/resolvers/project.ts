import { readable } from '../context.js';
import { minutesToHours } from '../domain/service-hours.js';
import type { ProjectResolvers } from '../generated/resolvers.js';

export const Project: ProjectResolvers = {
  __resolveReference: (reference, context) => readable(context).projectById.load(reference.id),
  area: (project) => ({ code: project.areaCode }),
  neededSkills: (project) => project.skills,
  claimedBy: (project, _, { loaders }) => {
    if (project.claimedByTeamId) return loaders.teamById.load(project.claimedByTeamId);
    if (project.claimedByVolunteerId) return loaders.volunteerById.load(project.claimedByVolunteerId);
    return null;
  },
  activities: (project, { first, after }, { loaders }) =>
    loaders.activitiesByProject.load({ value: project.id, first, after }),
  confirmedHours: async (project, _, { loaders }) =>
    minutesToHours(await loaders.confirmedMinutesByProject.load(project.id)),
};
