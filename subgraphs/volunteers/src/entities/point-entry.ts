import { EntitySchema } from 'typeorm';
import type { PointEntryType } from '../domain/points.js';

/**
 * One entry of a volunteer's append-only points ledger. `seq` numbers a volunteer's entries
 * 1, 2, 3...; its unique index refuses a second writer that slipped past the row lock.
 */
export interface PointEntryEntity {
  id: string;
  volunteerId: string;
  /** The volunteer's area code: the ledger is read inside the viewer's scope. */
  areaCode: string;
  seq: number;
  type: PointEntryType;
  points: number;
  balanceAfter: number;
  serviceRecordId: string | null;
  correctionId: string | null;
  redemptionId: string | null;
  note: string | null;
  createdAt: Date;
  createdBy: string;
}

export const PointEntry = new EntitySchema<PointEntryEntity>({
  name: 'PointEntry',
  tableName: 'point_entry',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    seq: { type: 'int' },
    type: { type: 'varchar', length: 16 },
    points: { type: 'int' },
    balanceAfter: { name: 'balance_after', type: 'int' },
    serviceRecordId: { name: 'service_record_id', type: 'varchar', length: 36, nullable: true },
    correctionId: { name: 'correction_id', type: 'varchar', length: 36, nullable: true },
    redemptionId: { name: 'redemption_id', type: 'varchar', length: 36, nullable: true },
    note: { type: 'varchar', length: 200, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
    createdBy: { name: 'created_by', type: 'varchar', length: 128 },
  },
});
