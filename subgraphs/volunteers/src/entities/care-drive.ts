import { EntitySchema } from 'typeorm';
import type { DeliveryOutcome, DriveStatus } from '../domain/care-drive.js';

/** A 安全爱心包 drive: packages for a target group of a community (e.g. 空巢老人). */
export interface CareDriveEntity {
  id: string;
  /** The community (12 digits). */
  areaCode: string;
  title: string;
  /** The people subgraph's tag the targets carried when the drive was made (EMPTY_NEST_ELDER...). */
  targetTag: string;
  status: DriveStatus;
  targetCount: number;
  createdBy: string;
  createdAt: Date;
  /** Set once, by the close that won (`UPDATE ... WHERE status = 'OPEN'`). */
  closedAt: Date | null;
  closedBy: string | null;
  closeNote: string | null;
}

export const CareDrive = new EntitySchema<CareDriveEntity>({
  name: 'CareDrive',
  tableName: 'care_drive',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    title: { type: 'varchar', length: 128 },
    targetTag: { name: 'target_tag', type: 'varchar', length: 32 },
    status: { type: 'varchar', length: 16 },
    targetCount: { name: 'target_count', type: 'int' },
    createdBy: { name: 'created_by', type: 'varchar', length: 128 },
    createdAt: { name: 'created_at', type: 'datetime' },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    closedBy: { name: 'closed_by', type: 'varchar', length: 128, nullable: true },
    closeNote: { name: 'close_note', type: 'varchar', length: 200, nullable: true },
  },
});

/** One item of a package (米, 油, 防滑垫...): how many go in a package and how many are left. */
export interface CareDriveItemEntity {
  id: string;
  driveId: string;
  name: string;
  perPackage: number;
  /**
   * Never below zero: a delivery takes `per_package` with a conditional UPDATE; a restock
   * adds with `stock = stock + n`, up to MAX_ITEM_STOCK.
   */
  stock: number;
}

export const CareDriveItem = new EntitySchema<CareDriveItemEntity>({
  name: 'CareDriveItem',
  tableName: 'care_drive_item',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    driveId: { name: 'drive_id', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 64 },
    perPackage: { name: 'per_package', type: 'int' },
    stock: { type: 'int' },
  },
});

/**
 * A person the drive is for, with the grid they live in, as the graph gave them when the
 * drive was made; `lastOutcome` is the latest visit's, kept so progress is one GROUP BY.
 */
export interface CareDriveTargetEntity {
  driveId: string;
  personId: string;
  gridId: string;
  /** The grid's code: scope and per-grid progress apply to it. */
  areaCode: string;
  lastOutcome: DeliveryOutcome | null;
}

export const CareDriveTarget = new EntitySchema<CareDriveTargetEntity>({
  name: 'CareDriveTarget',
  tableName: 'care_drive_target',
  columns: {
    driveId: { name: 'drive_id', type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    lastOutcome: { name: 'last_outcome', type: 'varchar', length: 16, nullable: true },
  },
});

/** One visit with a package: who made it, what happened, whether the resident confirmed it. */
export interface CareDeliveryEntity {
  id: string;
  driveId: string;
  personId: string;
  /** The target's grid, and its code (scope). */
  gridId: string;
  areaCode: string;
  outcome: DeliveryOutcome;
  /**
   * The person again, for DELIVERED only: the unique index on (drive, delivered person)
   * lets one package reach a person, however many requests race (NULLs never collide).
   */
  deliveredPersonId: string | null;
  /** The volunteer who made the visit, or null when a worker made it. */
  volunteerId: string | null;
  recordedBy: string;
  recordedAt: Date;
  note: string | null;
  followUpRequested: boolean;
  confirmedAt: Date | null;
}

export const CareDelivery = new EntitySchema<CareDeliveryEntity>({
  name: 'CareDelivery',
  tableName: 'care_delivery',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    driveId: { name: 'drive_id', type: 'varchar', length: 36 },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    outcome: { type: 'varchar', length: 16 },
    deliveredPersonId: { name: 'delivered_person_id', type: 'varchar', length: 36, nullable: true },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36, nullable: true },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 128 },
    recordedAt: { name: 'recorded_at', type: 'datetime' },
    note: { type: 'varchar', length: 200, nullable: true },
    followUpRequested: { name: 'follow_up_requested', type: 'boolean', default: false },
    confirmedAt: { name: 'confirmed_at', type: 'datetime', nullable: true },
  },
});
