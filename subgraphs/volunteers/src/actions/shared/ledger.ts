import type { EntityManager } from 'typeorm';
import type { Database } from '../../../../kit/src/database.js';
import { refuse } from '../../../../kit/src/problems.js';
import { lockRow } from '../../../../kit/src/sql.js';
import { storedNow } from '../../../../kit/src/time.js';
import { newId } from '../../domain/ids.js';
import { balanceAfter, type PointEntryType } from '../../domain/points.js';
import { problem, type ProblemCode } from '../../domain/problems.js';
import { PointEntry, type PointEntryEntity } from '../../entities/point-entry.js';
import { Volunteer } from '../../entities/volunteer.js';

export interface EntryRequest {
  volunteer: { id: string; areaCode: string };
  type: PointEntryType;
  points: number;
  by: string;
  serviceRecordId?: string | null;
  correctionId?: string | null;
  redemptionId?: string | null;
  note?: string | null;
  /** The code to refuse with when the balance would go below zero (INSUFFICIENT_POINTS by default). */
  whenShort?: ProblemCode;
}

/**
 * Appends one entry to a volunteer's ledger inside the caller's transaction. The
 * volunteer's row lock makes every writer of one ledger wait in line, so the balance read
 * here is the latest; an entry that would take it below zero is refused and the whole
 * transaction (stock, redemption, correction) rolls back with it. The unique
 * (volunteer, seq) index is the last guard should a writer ever skip the lock.
 */
export async function appendEntry(
  manager: EntityManager,
  db: Database,
  request: EntryRequest,
): Promise<PointEntryEntity> {
  await lockRow(manager, db, Volunteer, request.volunteer.id);
  const last = await manager
    .getRepository(PointEntry)
    .findOne({ where: { volunteerId: request.volunteer.id }, order: { seq: 'DESC' } });
  const balance = last?.balanceAfter ?? 0;
  const next = balanceAfter(balance, request.points);
  if ('problem' in next) {
    refuse(request.whenShort ? problem(request.whenShort) : next.problem);
  }
  const entry: PointEntryEntity = {
    id: newId(),
    volunteerId: request.volunteer.id,
    areaCode: request.volunteer.areaCode,
    seq: (last?.seq ?? 0) + 1,
    type: request.type,
    points: request.points,
    balanceAfter: next.balance,
    serviceRecordId: request.serviceRecordId ?? null,
    correctionId: request.correctionId ?? null,
    redemptionId: request.redemptionId ?? null,
    note: request.note ?? null,
    createdAt: storedNow(),
    createdBy: request.by,
  };
  await manager.getRepository(PointEntry).insert(entry);
  return entry;
}
