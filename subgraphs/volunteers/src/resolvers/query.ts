import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { ownVolunteer } from '../actions/actors.js';
import { PointRate } from '../entities/point-rate.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { drivesUnder } from '../care-drives-list.js';
import { projectsUnder } from '../projects-list.js';
import { correctionsUnder, rewardsServing, searchActivities, teamsServing } from '../lists.js';
import { readable, requireVolunteerRead } from './access.js';

export const Query: QueryResolvers = {
  volunteer: (_, { id }, context) => readable(context).volunteerById.load(id),
  myVolunteerProfile: (_, __, context) => {
    requireVolunteerRead(context.viewer);
    return ownVolunteer(context);
  },
  volunteerTeam: (_, { id }, context) => readable(context).teamById.load(id),
  volunteerTeams: (_, { areaCode }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return teamsServing(db.dataSource, viewer, parseAreaCodeArgument('areaCode', areaCode));
  },
  activity: (_, { id }, context) => readable(context).activityById.load(id),
  activities: (_, { areaCode, filter, orderBy, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    const areaCodes = [parseAreaCodeArgument('areaCode', areaCode), parseAreaCodeArgument('areaCode', filter?.areaCode)].filter((code): code is string => code !== null);
    const search = {
      areaCodes,
      category: filter?.category ?? null,
      statuses: filter?.status ?? [],
      startsFrom: filter?.startsFrom ?? null,
      startsBefore: filter?.startsBefore ?? null,
      order: orderBy ?? 'ID',
    };
    return searchActivities(db.dataSource, viewer, search, { first, after });
  },
  serviceRecord: (_, { id }, context) => readable(context).recordById.load(id),
  correctionRequests: (_, { filter, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return correctionsUnder(db.dataSource, viewer, parseAreaCodeArgument('areaCode', filter?.areaCode), filter?.status ?? null, { first, after });
  },
  activityCategories: (_, __, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return db.dataSource.getRepository(PointRate).find({ order: { category: 'ASC' } });
  },
  reward: (_, { id }, context) => readable(context).rewardById.load(id),
  rewards: (_, { areaCode, activeOnly, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return rewardsServing(db.dataSource, viewer, parseAreaCodeArgument('areaCode', areaCode), activeOnly ?? false, { first, after });
  },
  redemption: (_, { id }, context) => readable(context).redemptionById.load(id),
  project: (_, { id }, context) => readable(context).projectById.load(id),
  careDrive: (_, { id }, context) => readable(context).driveById.load(id),
  careDrives: (_, { filter, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    const search = { areaCode: parseAreaCodeArgument('areaCode', filter?.areaCode), statuses: filter?.status ?? [], targetTag: filter?.targetTag ?? null };
    return drivesUnder(db.dataSource, viewer, search, { first, after });
  },
  projects: (_, { filter, first, after }, { viewer, db }) => {
    requireVolunteerRead(viewer);
    return projectsUnder(db.dataSource, viewer, parseAreaCodeArgument('areaCode', filter?.areaCode), filter?.status ?? [], { first, after });
  },
};
