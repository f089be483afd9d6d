import type { EntityManager } from 'typeorm';
import { storedNow } from '../../../../kit/src/time.js';
import { newId } from '../../domain/ids.js';
import type { RecordChangeKind, RecordStatus } from '../../domain/service-records.js';
import { ServiceRecordChange } from '../../entities/service-record-change.js';
import type { ServiceRecordEntity } from '../../entities/service-record.js';

export interface RecordChangeRequest {
  /** The record as it is after the change. */
  record: Pick<ServiceRecordEntity, 'id' | 'minutes' | 'status'>;
  kind: RecordChangeKind;
  by: string;
  /** The record as it was, or null when it is new. */
  before: { minutes: number; status: RecordStatus } | null;
  reason: string | null;
  correctionId?: string | null;
}

/** Keeps one change of a record (who, when, before, after, why), in the writer's transaction. */
export async function recordChange(manager: EntityManager, change: RecordChangeRequest): Promise<void> {
  await manager.getRepository(ServiceRecordChange).insert({
    id: newId(),
    recordId: change.record.id,
    kind: change.kind,
    at: storedNow(),
    by: change.by,
    minutesBefore: change.before?.minutes ?? null,
    minutesAfter: change.record.minutes,
    statusBefore: change.before?.status ?? null,
    statusAfter: change.record.status,
    reason: change.reason,
    correctionId: change.correctionId ?? null,
  });
}
