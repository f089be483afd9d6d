import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Activity } from './entities/activity.js';
import { CorrectionRequest } from './entities/correction-request.js';
import { Enrolment } from './entities/enrolment.js';
import { PointEntry } from './entities/point-entry.js';
import { PointRate } from './entities/point-rate.js';
import { Project } from './entities/project.js';
import { CareDelivery, CareDrive, CareDriveItem, CareDriveTarget } from './entities/care-drive.js';
import { Redemption } from './entities/redemption.js';
import { Reward } from './entities/reward.js';
import { ServiceRecord } from './entities/service-record.js';
import { ServiceRecordChange } from './entities/service-record-change.js';
import { TeamMembership } from './entities/team-membership.js';
import { Volunteer } from './entities/volunteer.js';
import { VolunteerTeam } from './entities/volunteer-team.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { VolunteerDomain1764500000000 } from './migrations/1764500000000-volunteer-domain.js';
import { CommunityProjects1764600000000 } from './migrations/1764600000000-community-projects.js';
import { CareDrives1764700000000 } from './migrations/1764700000000-care-drives.js';
import { CareDriveClosing1764800000000 } from './migrations/1764800000000-care-drive-closing.js';
import { resolvers } from './resolvers/index.js';

export const volunteersSubgraph: SubgraphModule<Context> = {
  name: 'volunteers',
  entities: [
    Volunteer,
    VolunteerTeam,
    TeamMembership,
    Activity,
    Enrolment,
    ServiceRecord,
    ServiceRecordChange,
    CorrectionRequest,
    PointRate,
    PointEntry,
    Reward,
    Redemption,
    Project,
    CareDrive,
    CareDriveItem,
    CareDriveTarget,
    CareDelivery,
  ],
  migrations: [
    Initial1764400000000,
    VolunteerDomain1764500000000,
    CommunityProjects1764600000000,
    CareDrives1764700000000,
    CareDriveClosing1764800000000,
  ],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  // Loaded only when demo data is asked for: the demo generator stays off the production import path.
  seedIfEmpty: async (db, options, logger) => (await import('./seed.js')).seedIfEmpty(db, options, logger),
};
