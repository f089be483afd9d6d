import { EntitySchema } from 'typeorm';
import type { RecordChangeKind, RecordStatus } from '../domain/service-records.js';

/** One change to a service record: who, when, before, after, why. Rows are never updated. */
export interface ServiceRecordChangeEntity {
  id: string;
  recordId: string;
  kind: RecordChangeKind;
  at: Date;
  by: string;
  minutesBefore: number | null;
  minutesAfter: number;
  statusBefore: RecordStatus | null;
  statusAfter: RecordStatus;
  reason: string | null;
  correctionId: string | null;
}

export const ServiceRecordChange = new EntitySchema<ServiceRecordChangeEntity>({
  name: 'ServiceRecordChange',
  tableName: 'service_record_change',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    recordId: { name: 'record_id', type: 'varchar', length: 36 },
    kind: { type: 'varchar', length: 16 },
    at: { type: 'datetime' },
    by: { name: 'changed_by', type: 'varchar', length: 128 },
    minutesBefore: { name: 'minutes_before', type: 'int', nullable: true },
    minutesAfter: { name: 'minutes_after', type: 'int' },
    statusBefore: { name: 'status_before', type: 'varchar', length: 16, nullable: true },
    statusAfter: { name: 'status_after', type: 'varchar', length: 16 },
    reason: { type: 'varchar', length: 400, nullable: true },
    correctionId: { name: 'correction_id', type: 'varchar', length: 36, nullable: true },
  },
});
