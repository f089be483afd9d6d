import type { Connection } from '../../kit/src/connection.js';
import type { ActivityEntity } from './entities/activity.js';
import type { CorrectionRequestEntity } from './entities/correction-request.js';
import type { EnrolmentEntity } from './entities/enrolment.js';
import type { CareDeliveryEntity, CareDriveEntity } from './entities/care-drive.js';
import type { ProjectEntity } from './entities/project.js';
import type { PointEntryEntity } from './entities/point-entry.js';
import type { RedemptionEntity } from './entities/redemption.js';
import type { RewardEntity } from './entities/reward.js';
import type { ServiceRecordEntity } from './entities/service-record.js';
import type { VolunteerEntity } from './entities/volunteer.js';
import type { VolunteerStatsFigures } from './queries/volunteer-stats.js';

export type ActivityConnectionModel = Connection<ActivityEntity>;
export type EnrolmentConnectionModel = Connection<EnrolmentEntity>;
export type PointEntryConnectionModel = Connection<PointEntryEntity>;
export type RedemptionConnectionModel = Connection<RedemptionEntity>;
export type RewardConnectionModel = Connection<RewardEntity>;
export type CorrectionRequestConnectionModel = Connection<CorrectionRequestEntity>;
export type ProjectConnectionModel = Connection<ProjectEntity>;
export type CareDeliveryConnectionModel = Connection<CareDeliveryEntity>;
export type CareDriveConnectionModel = Connection<CareDriveEntity>;

/** One grid's row of a drive's progress, as the grouped statement returns it. */
export interface CareDriveGridProgressModel {
  gridId: string;
  gridCode: string;
  targets: number;
  delivered: number;
  refused: number;
  notHome: number;
  remaining: number;
}

export type VolunteerStatsModel = VolunteerStatsFigures;

/** A volunteer, with its confirmed minutes when the statement that loaded it summed them. */
export type VolunteerModel = VolunteerEntity & { confirmedMinutes?: number };

/** What a service certificate prints: the volunteer, the period and its confirmed services. */
export interface ServiceCertificateModel {
  volunteer: VolunteerEntity;
  from: Date;
  to: Date;
  services: ServiceRecordEntity[];
  issuedAt: Date;
}

/** A Person as the people subgraph references it: its key alone. */
export interface PersonReference {
  id: string;
}

/** A Grid as the grids subgraph references it: both its keys, since activities live under its code. */
export interface GridReference {
  id: string;
  code: string;
}

/** An Area (street, community) as the grids subgraph references it. */
export interface AreaReference {
  code: string;
}
