import { EntitySchema } from 'typeorm';
import type { CorrectionStatus } from '../domain/corrections.js';

export interface CorrectionRequestEntity {
  id: string;
  recordId: string;
  volunteerId: string;
  /** Where the record was served: an organiser's inbox is scoped by it. */
  areaCode: string;
  /** Where the volunteer lives: they and their community read it too. */
  volunteerAreaCode: string;
  minutesBefore: number;
  requestedMinutes: number;
  reason: string;
  status: CorrectionStatus;
  requestedAt: Date;
  requestedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

export const CorrectionRequest = new EntitySchema<CorrectionRequestEntity>({
  name: 'CorrectionRequest',
  tableName: 'correction_request',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    recordId: { name: 'record_id', type: 'varchar', length: 36 },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    volunteerAreaCode: { name: 'volunteer_area_code', type: 'varchar', length: 18 },
    minutesBefore: { name: 'minutes_before', type: 'int' },
    requestedMinutes: { name: 'requested_minutes', type: 'int' },
    reason: { type: 'varchar', length: 200 },
    status: { type: 'varchar', length: 16 },
    requestedAt: { name: 'requested_at', type: 'datetime' },
    requestedBy: { name: 'requested_by', type: 'varchar', length: 128 },
    decidedAt: { name: 'decided_at', type: 'datetime', nullable: true },
    decidedBy: { name: 'decided_by', type: 'varchar', length: 128, nullable: true },
    decisionReason: { name: 'decision_reason', type: 'varchar', length: 200, nullable: true },
  },
});
