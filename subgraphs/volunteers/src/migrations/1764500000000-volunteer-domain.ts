import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf, sqlTimestamp } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { newId } from '../domain/ids.js';

/**
 * The volunteer domain: profiles (skills, availability), activity details and enrolment
 * counts, enrolments, service records with their change history, correction requests,
 * point rates, the points ledger, rewards and redemptions.
 *
 * Existing rows: each volunteer's `confirmed_minutes` (hours confirmed before records were
 * kept) becomes one CONFIRMED service record with source OPENING, served at the
 * volunteer's registration and with a MIGRATED history entry, and the counter column is
 * dropped: hours are the sum of confirmed records from now on. Opening records earn no
 * points (the old system kept none); a street admin enters any opening balance with
 * `adjustPoints`. The migration is frozen: it uses raw rows, not the entities.
 */
export class VolunteerDomain1764500000000 implements MigrationInterface {
  name = 'VolunteerDomain1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('volunteer', [
      new TableColumn({ name: 'skills', type: 'varchar', length: '1024', default: "'[]'" }),
      new TableColumn({ name: 'availability', type: 'varchar', length: '1024', default: "'[]'" }),
    ]);
    await queryRunner.addColumns('activity', [
      new TableColumn({ name: 'place', type: 'varchar', length: '128', default: "''" }),
      new TableColumn({ name: 'description', type: 'varchar', length: '512', isNullable: true }),
      new TableColumn({ name: 'enrolled_count', type: 'int', default: 0 }),
      new TableColumn({ name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'created_by', type: 'varchar', length: '128', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'activity',
      new TableIndex({ name: 'idx_activity_starts', columnNames: ['starts_at'] }),
    );
    for (const table of TABLES) await queryRunner.createTable(table);
    await insertDefaultRates(queryRunner);
    await openingRecordsFromConfirmedMinutes(queryRunner);
    await queryRunner.dropColumn('volunteer', 'confirmed_minutes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('volunteer', new TableColumn({ name: 'confirmed_minutes', type: 'int', default: 0 }));
    await queryRunner.query(
      `UPDATE volunteer SET confirmed_minutes = COALESCE((SELECT SUM(r.minutes) FROM service_record r WHERE r.volunteer_id = volunteer.id AND r.status = 'CONFIRMED'), 0)`,
    );
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table);
    await queryRunner.dropIndex('activity', 'idx_activity_starts');
    for (const column of ['place', 'description', 'enrolled_count', 'cancel_reason', 'created_by'])
      await queryRunner.dropColumn('activity', column);
    for (const column of ['skills', 'availability']) await queryRunner.dropColumn('volunteer', column);
  }
}

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });
const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });

const TABLES = [
  new Table({
    name: 'enrolment',
    columns: [
      id,
      ref('activity_id'),
      ref('volunteer_id'),
      text('area_code', 18),
      text('volunteer_area_code', 18),
      text('status', 16),
      time('enrolled_at'),
      time('cancelled_at', true),
      time('checked_in_at', true),
      time('checked_out_at', true),
    ],
    indices: [
      new TableIndex({
        name: 'uq_enrolment_activity_volunteer',
        columnNames: ['activity_id', 'volunteer_id'],
        isUnique: true,
      }),
      new TableIndex({ name: 'idx_enrolment_volunteer', columnNames: ['volunteer_id'] }),
    ],
  }),
  new Table({
    name: 'service_record',
    columns: [
      id,
      ref('volunteer_id'),
      text('volunteer_area_code', 18),
      ref('activity_id', true),
      ref('enrolment_id', true),
      text('source', 16),
      text('title', 128),
      text('category', 32, true),
      text('area_code', 18),
      time('served_at'),
      time('checked_in_at', true),
      time('checked_out_at', true),
      int('computed_minutes'),
      int('minutes'),
      int('window_minutes', true),
      text('status', 16),
      time('confirmed_at', true),
      text('confirmed_by', 128, true),
      int('points_per_hour', true),
      { name: 'correction_pending', type: 'boolean', default: false },
    ],
    indices: [
      new TableIndex({ name: 'uq_service_record_enrolment', columnNames: ['enrolment_id'], isUnique: true }),
      new TableIndex({ name: 'idx_service_record_volunteer', columnNames: ['volunteer_id', 'status'] }),
      new TableIndex({ name: 'idx_service_record_area', columnNames: ['area_code', 'served_at'] }),
      new TableIndex({ name: 'idx_service_record_activity', columnNames: ['activity_id'] }),
    ],
  }),
  new Table({
    name: 'service_record_change',
    columns: [
      id,
      ref('record_id'),
      text('kind', 16),
      time('at'),
      text('changed_by', 128),
      int('minutes_before', true),
      int('minutes_after'),
      text('status_before', 16, true),
      text('status_after', 16),
      text('reason', 400, true),
      ref('correction_id', true),
    ],
    indices: [new TableIndex({ name: 'idx_service_record_change_record', columnNames: ['record_id'] })],
  }),
  new Table({
    name: 'correction_request',
    columns: [
      id,
      ref('record_id'),
      ref('volunteer_id'),
      text('area_code', 18),
      text('volunteer_area_code', 18),
      int('minutes_before'),
      int('requested_minutes'),
      text('reason', 200),
      text('status', 16),
      time('requested_at'),
      text('requested_by', 128),
      time('decided_at', true),
      text('decided_by', 128, true),
      text('decision_reason', 200, true),
    ],
    indices: [
      new TableIndex({ name: 'idx_correction_record', columnNames: ['record_id'] }),
      new TableIndex({ name: 'idx_correction_area', columnNames: ['area_code', 'status'] }),
    ],
  }),
  new Table({
    name: 'point_rate',
    columns: [
      { ...text('category', 32), isPrimary: true },
      int('points_per_hour'),
      time('updated_at'),
      text('updated_by', 128),
    ],
  }),
  new Table({
    name: 'point_entry',
    columns: [
      id,
      ref('volunteer_id'),
      text('area_code', 18),
      int('seq'),
      text('type', 16),
      int('points'),
      int('balance_after'),
      ref('service_record_id', true),
      ref('correction_id', true),
      ref('redemption_id', true),
      text('note', 200, true),
      time('created_at'),
      text('created_by', 128),
    ],
    indices: [
      new TableIndex({ name: 'uq_point_entry_volunteer_seq', columnNames: ['volunteer_id', 'seq'], isUnique: true }),
    ],
  }),
  new Table({
    name: 'reward',
    columns: [
      id,
      text('name', 64),
      text('description', 200, true),
      text('area_code', 18),
      int('points_cost'),
      int('stock'),
      { name: 'active', type: 'boolean', default: true },
      time('created_at'),
    ],
    indices: [new TableIndex({ name: 'idx_reward_area', columnNames: ['area_code'] })],
  }),
  new Table({
    name: 'redemption',
    columns: [
      id,
      ref('reward_id'),
      ref('volunteer_id'),
      text('area_code', 18),
      text('reward_area_code', 18),
      int('quantity'),
      int('points_spent'),
      text('status', 16),
      text('idempotency_key', 64),
      time('redeemed_at'),
      text('redeemed_by', 128),
      time('picked_up_at', true),
      time('cancelled_at', true),
      text('cancel_reason', 200, true),
    ],
    indices: [
      new TableIndex({
        name: 'uq_redemption_idempotency',
        columnNames: ['volunteer_id', 'idempotency_key'],
        isUnique: true,
      }),
      new TableIndex({ name: 'idx_redemption_reward', columnNames: ['reward_id'] }),
    ],
  }),
];

/** The categories volunteers serve in today, with a starting rate each; `setPointRate` changes them. */
export const DEFAULT_RATES: [string, number][] = [
  ['楼道清扫', 10],
  ['院落整治', 10],
  ['安全巡查', 12],
  ['关爱走访', 12],
  ['文明劝导', 10],
  ['应急服务', 15],
];

async function insertDefaultRates(queryRunner: QueryRunner): Promise<void> {
  const now = storedNow();
  for (const [category, points] of DEFAULT_RATES) {
    await queryRunner.query(
      'INSERT INTO point_rate (category, points_per_hour, updated_at, updated_by) VALUES (?, ?, ?, ?)',
      [category, points, sqlTimestamp(dialectOf(queryRunner.connection), now), 'migration'],
    );
  }
}

const OPENING_TITLE = '历史服务时长';
const OPENING_REASON = '系统上线前已确认的服务时长，迁移为开账记录';

async function openingRecordsFromConfirmedMinutes(queryRunner: QueryRunner): Promise<void> {
  const rows: { id: string; area_code: string; confirmed_minutes: number | string; registered_at: string | Date }[] =
    await queryRunner.query(
      'SELECT id, area_code, confirmed_minutes, registered_at FROM volunteer WHERE confirmed_minutes > 0 ORDER BY id',
    );
  const now = sqlTimestamp(dialectOf(queryRunner.connection), storedNow());
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const records: unknown[] = [];
    const changes: unknown[] = [];
    for (const row of chunk) {
      const recordId = newId();
      const minutes = Number(row.confirmed_minutes);
      records.push(
        recordId,
        row.id,
        row.area_code,
        'OPENING',
        OPENING_TITLE,
        row.area_code,
        row.registered_at,
        minutes,
        minutes,
        'CONFIRMED',
        now,
        'migration',
      );
      changes.push(newId(), recordId, 'MIGRATED', now, 'migration', minutes, 'CONFIRMED', OPENING_REASON);
    }
    await queryRunner.query(
      `INSERT INTO service_record (id, volunteer_id, volunteer_area_code, source, title, area_code, served_at, computed_minutes, minutes, status, confirmed_at, confirmed_by, correction_pending) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)').join(', ')}`,
      records,
    );
    await queryRunner.query(
      `INSERT INTO service_record_change (id, record_id, kind, at, changed_by, minutes_after, status_after, reason) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      changes,
    );
  }
}
