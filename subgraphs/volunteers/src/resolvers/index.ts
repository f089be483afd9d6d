import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Activity } from './activity.js';
import { ActivityCategory } from './activity-category.js';
import { Area } from './area.js';
import { CareDelivery } from './care-delivery.js';
import { CareDrive } from './care-drive.js';
import { CareDriveGridProgress } from './care-drive-grid-progress.js';
import { CorrectionRequest } from './correction-request.js';
import { Enrolment } from './enrolment.js';
import { Grid } from './grid.js';
import { Mutation } from './mutation.js';
import { Person } from './person.js';
import { PointEntry } from './point-entry.js';
import { Project } from './project.js';
import { ProjectClaimant } from './project-claimant.js';
import { Query } from './query.js';
import { Redemption } from './redemption.js';
import { Reward } from './reward.js';
import { ServiceCertificate } from './service-certificate.js';
import { ServiceRecord } from './service-record.js';
import { ServiceRecordChange } from './service-record-change.js';
import { TeamMembership } from './team-membership.js';
import { Volunteer } from './volunteer.js';
import { VolunteerStats } from './volunteer-stats.js';
import { VolunteerTeam } from './volunteer-team.js';

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Volunteer,
  VolunteerTeam,
  TeamMembership,
  ServiceCertificate,
  Activity,
  ActivityCategory,
  Enrolment,
  ServiceRecord,
  ServiceRecordChange,
  CorrectionRequest,
  PointEntry,
  Reward,
  Redemption,
  Project,
  ProjectClaimant,
  CareDrive,
  CareDriveGridProgress,
  CareDelivery,
  Person,
  Grid,
  Area,
  VolunteerStats,
};
