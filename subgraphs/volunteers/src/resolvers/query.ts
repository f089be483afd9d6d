import { ownVolunteer } from '../actions/shared/actors.js';
import { readable } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { searchActivities } from '../queries/activities.js';
import { activityCategories } from '../queries/activity-categories.js';
import { drivesUnder } from '../queries/care-drives.js';
import { correctionsUnder } from '../queries/corrections.js';
import { projectsUnder } from '../queries/projects.js';
import { rewardsServing } from '../queries/rewards.js';
import { teamsServing } from '../queries/teams.js';

export const Query: QueryResolvers = {
  volunteer: (_, { id }, context) => readable(context).volunteerById.load(id),
  myVolunteerProfile: (_, __, context) => {
    requireVolunteerRead(context.viewer);
    return ownVolunteer(context);
  },
  volunteerTeam: (_, { id }, context) => readable(context).teamById.load(id),
  volunteerTeams: (_, args, context) => teamsServing(context, args),
  activity: (_, { id }, context) => readable(context).activityById.load(id),
  activities: (_, args, context) => searchActivities(context, args),
  serviceRecord: (_, { id }, context) => readable(context).recordById.load(id),
  correctionRequests: (_, args, context) => correctionsUnder(context, args),
  activityCategories: (_, __, context) => activityCategories(context),
  reward: (_, { id }, context) => readable(context).rewardById.load(id),
  rewards: (_, args, context) => rewardsServing(context, args),
  redemption: (_, { id }, context) => readable(context).redemptionById.load(id),
  project: (_, { id }, context) => readable(context).projectById.load(id),
  careDrive: (_, { id }, context) => readable(context).driveById.load(id),
  careDrives: (_, args, context) => drivesUnder(context, args),
  projects: (_, args, context) => projectsUnder(context, args),
};
