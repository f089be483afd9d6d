import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { activitiesUnder, teamsServing } from '../lists.js';
import { readable, requireVolunteerRead } from './access.js';

export const Query: QueryResolvers = {
  volunteer: (_, { id }, context) => readable(context).volunteerById.load(id),
  volunteerTeam: (_, { id }, context) => readable(context).teamById.load(id),
  volunteerTeams: (_, { areaCode }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return teamsServing(db.dataSource, viewer, parseAreaCodeArgument('areaCode', areaCode));
  },
  activities: (_, { areaCode, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return activitiesUnder(db.dataSource, viewer, parseAreaCodeArgument('areaCode', areaCode), { first, after });
  },
};
