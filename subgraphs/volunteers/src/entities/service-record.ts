import { EntitySchema } from 'typeorm';
import type { RecordSource, RecordStatus } from '../domain/service-records.js';

export interface ServiceRecordEntity {
  id: string;
  volunteerId: string;
  /** The volunteer's area code: records are read through their volunteer's scope. */
  volunteerAreaCode: string;
  /** Null for an OPENING record. */
  activityId: string | null;
  /** The attendance it was computed from; unique, so one check-out makes one record. */
  enrolmentId: string | null;
  source: RecordSource;
  /** The activity's title when served (a certificate prints what it was then). */
  title: string;
  category: string | null;
  /** Where it was served: the activity's grid code, or the volunteer's for OPENING. */
  areaCode: string;
  servedAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** Minutes inside the activity's window from check-in to check-out. */
  computedMinutes: number;
  /** Minutes that count once confirmed: computed, adjusted or corrected. */
  minutes: number;
  /** The activity's window in minutes: no confirmation or correction may exceed it (null for OPENING). */
  windowMinutes: number | null;
  status: RecordStatus;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  /** Points per hour at confirmation; corrections keep using it. */
  pointsPerHour: number | null;
  /** Set while a correction request waits: a record has at most one pending. */
  correctionPending: boolean;
}

export const ServiceRecord = new EntitySchema<ServiceRecordEntity>({
  name: 'ServiceRecord',
  tableName: 'service_record',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36 },
    volunteerAreaCode: { name: 'volunteer_area_code', type: 'varchar', length: 18 },
    activityId: { name: 'activity_id', type: 'varchar', length: 36, nullable: true },
    enrolmentId: { name: 'enrolment_id', type: 'varchar', length: 36, nullable: true },
    source: { type: 'varchar', length: 16 },
    title: { type: 'varchar', length: 128 },
    category: { type: 'varchar', length: 32, nullable: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    servedAt: { name: 'served_at', type: 'datetime' },
    checkedInAt: { name: 'checked_in_at', type: 'datetime', nullable: true },
    checkedOutAt: { name: 'checked_out_at', type: 'datetime', nullable: true },
    computedMinutes: { name: 'computed_minutes', type: 'int' },
    minutes: { type: 'int' },
    windowMinutes: { name: 'window_minutes', type: 'int', nullable: true },
    status: { type: 'varchar', length: 16 },
    confirmedAt: { name: 'confirmed_at', type: 'datetime', nullable: true },
    confirmedBy: { name: 'confirmed_by', type: 'varchar', length: 128, nullable: true },
    pointsPerHour: { name: 'points_per_hour', type: 'int', nullable: true },
    correctionPending: { name: 'correction_pending', type: 'boolean', default: false },
  },
});
