import { EntitySchema } from 'typeorm';
import type { VisitorKind, VisitOutcome } from '../domain/visit.js';

/** 走访, 爱心敲门: a home visit to a person by a staff member or a volunteer. */
export interface VisitEntity {
  id: string;
  personId: string;
  /** The grid the person lives in, as the people subgraph said when the visit was recorded. */
  gridId: string;
  areaCode: string;
  visitorKind: VisitorKind;
  /** A GridStaff id or a Volunteer id, by `visitorKind`. */
  visitorId: string;
  visitorPersonId: string | null;
  visitedAt: Date;
  outcome: VisitOutcome;
  notes: string | null;
  followUpNeeded: boolean;
  followUpEventId: string | null;
  recordedBy: string;
  createdAt: Date;
}

export const Visit = new EntitySchema<VisitEntity>({
  name: 'Visit',
  tableName: 'visit',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    visitorKind: { name: 'visitor_kind', type: 'varchar', length: 16 },
    visitorId: { name: 'visitor_id', type: 'varchar', length: 36 },
    visitorPersonId: { name: 'visitor_person_id', type: 'varchar', length: 36, nullable: true },
    visitedAt: { name: 'visited_at', type: 'datetime' },
    outcome: { type: 'varchar', length: 16 },
    notes: { type: 'varchar', length: 1000, nullable: true },
    followUpNeeded: { name: 'follow_up_needed', type: 'boolean' },
    followUpEventId: { name: 'follow_up_event_id', type: 'varchar', length: 36, nullable: true },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 120 },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});
