import type { EnrolmentResolvers } from '../generated/resolvers.js';

export const Enrolment: EnrolmentResolvers = {
  activity: (enrolment, _, { loaders }) => loaders.activityById.load(enrolment.activityId),
  volunteer: (enrolment, _, { loaders }) => loaders.volunteerById.load(enrolment.volunteerId),
  serviceRecord: (enrolment, _, { loaders }) => loaders.recordByEnrolment.load(enrolment.id),
};
