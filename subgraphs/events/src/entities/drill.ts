import { EntitySchema } from 'typeorm';
import type { EventPriority } from '../domain/event-values.js';

/** 网格赶考: a drill over an area. */
export interface DrillEntity {
  id: string;
  areaCode: string;
  title: string;
  /** The seed of the random pick: the same seed over the same staff picks the same workers. */
  seed: number;
  requestedWorkers: number;
  category: string;
  priority: EventPriority;
  startedAt: Date;
  startedBy: string;
}

/** A worker picked for a drill, the event sent to them, and how fast they responded. */
export interface DrillParticipantEntity {
  drillId: string;
  staffId: string;
  eventId: string;
  gridId: string;
  /** The micro-grid's code: scope applies to it. */
  areaCode: string;
  communityCode: string;
  acceptSeconds: number | null;
  feedbackSeconds: number | null;
}

export const Drill = new EntitySchema<DrillEntity>({
  name: 'Drill',
  tableName: 'drill',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    title: { type: 'varchar', length: 200 },
    seed: {
      type: 'bigint',
      transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
    },
    requestedWorkers: { name: 'requested_workers', type: 'int' },
    category: { type: 'varchar', length: 32 },
    priority: { type: 'varchar', length: 16 },
    startedAt: { name: 'started_at', type: 'datetime' },
    startedBy: { name: 'started_by', type: 'varchar', length: 120 },
  },
});

export const DrillParticipant = new EntitySchema<DrillParticipantEntity>({
  name: 'DrillParticipant',
  tableName: 'drill_participant',
  columns: {
    drillId: { name: 'drill_id', type: 'varchar', length: 36, primary: true },
    staffId: { name: 'staff_id', type: 'varchar', length: 36, primary: true },
    eventId: { name: 'event_id', type: 'varchar', length: 36 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    communityCode: { name: 'community_code', type: 'varchar', length: 12 },
    acceptSeconds: { name: 'accept_seconds', type: 'int', nullable: true },
    feedbackSeconds: { name: 'feedback_seconds', type: 'int', nullable: true },
  },
});
