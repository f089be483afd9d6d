import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Activity, ActivityCategory, Enrolment } from './activity.js';
import { Area, VolunteerStats } from './area.js';
import { Grid, Person } from './extended.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { CareDelivery, CareDrive, CareDriveGridProgress } from './care-drive.js';
import { Project, ProjectClaimant } from './project.js';
import { PointEntry, Redemption, Reward } from './rewards.js';
import { CorrectionRequest, ServiceRecord, ServiceRecordChange } from './service-record.js';
import { ServiceCertificate, TeamMembership, Volunteer } from './volunteer.js';
import { VolunteerTeam } from './volunteer-team.js';

export const resolvers: Resolvers = {
  DateTime, Query, Mutation,
  Volunteer, VolunteerTeam, TeamMembership, ServiceCertificate,
  Activity, ActivityCategory, Enrolment,
  ServiceRecord, ServiceRecordChange, CorrectionRequest,
  PointEntry, Reward, Redemption,
  Project, ProjectClaimant, CareDrive, CareDriveGridProgress, CareDelivery,
  Person, Grid, Area, VolunteerStats,
};
