import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../subgraphs/kit/src/database.js';
import { isUniqueViolation } from '../../subgraphs/kit/src/transaction.js';
import { Activity } from '../../subgraphs/volunteers/src/entities/activity.js';
import { CareDrive } from '../../subgraphs/volunteers/src/entities/care-drive.js';
import { PointRate } from '../../subgraphs/volunteers/src/entities/point-rate.js';
import { Project } from '../../subgraphs/volunteers/src/entities/project.js';
import { ServiceRecord } from '../../subgraphs/volunteers/src/entities/service-record.js';
import { ServiceRecordChange } from '../../subgraphs/volunteers/src/entities/service-record-change.js';
import { Volunteer } from '../../subgraphs/volunteers/src/entities/volunteer.js';
import { Initial1764400000000 } from '../../subgraphs/volunteers/src/migrations/1764400000000-initial.js';
import { DEFAULT_RATES } from '../../subgraphs/volunteers/src/migrations/1764500000000-volunteer-domain.js';
import { volunteersSubgraph } from '../../subgraphs/volunteers/src/module.js';
import { freshDatabaseUrl } from '../support/database.js';

/** A database file (or MySQL database) that outlives one connection, as a deployed one does. */
function durableDatabase() {
  if (process.env.TEST_MYSQL_URL) return freshDatabaseUrl('volmig');
  const dir = mkdtempSync(join(tmpdir(), 'volunteers-migration-'));
  return {
    url: `sqlite:${join(dir, 'volunteers.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const database = durableDatabase();
let db: Database;
const registeredAt = new Date('2025-03-01T02:00:00Z');
const OLD_VOLUNTEERS = [
  { id: 'v-1', person_id: 'p-1', area_code: '510116001001001001', confirmed_minutes: 6030 },
  { id: 'v-2', person_id: 'p-2', area_code: '510116001002001001', confirmed_minutes: 0 },
  { id: 'v-3', person_id: 'p-3', area_code: '510116001002001002', confirmed_minutes: 90 },
];

beforeAll(async () => {
  // A database as the first release left it, with rows in it.
  const old = await openDatabase({ url: database.url, entities: [], migrations: [Initial1764400000000] });
  const at = old.kind === 'mysql' ? registeredAt : '2025-03-01 02:00:00.000';
  for (const row of OLD_VOLUNTEERS) {
    await old.dataSource.query(
      'INSERT INTO volunteer (id, person_id, area_code, confirmed_minutes, registered_at) VALUES (?, ?, ?, ?, ?)',
      [row.id, row.person_id, row.area_code, row.confirmed_minutes, at],
    );
  }
  await old.dataSource.query(
    "INSERT INTO activity (id, title, category, status, grid_id, area_code, team_id, starts_at, ends_at, capacity) VALUES ('a-1', '楼道清扫', '楼道清扫', 'PUBLISHED', 'g-1', '510116001001001', NULL, ?, ?, 20)",
    [at, at],
  );
  await old.dataSource.destroy();
  db = await openDatabase({
    url: database.url,
    entities: volunteersSubgraph.entities,
    migrations: volunteersSubgraph.migrations,
  });
}, 60_000);
afterAll(async () => {
  await db?.dataSource.destroy();
  await database.drop();
});

describe('the volunteer-domain migration', () => {
  it('keeps every volunteer and turns confirmed minutes into one confirmed OPENING record each, with history', async () => {
    const volunteers = await db.dataSource.getRepository(Volunteer).find({ order: { id: 'ASC' } });
    expect(
      volunteers.map(({ id, personId, areaCode, skills, availability }) => ({
        id,
        personId,
        areaCode,
        skills,
        availability,
      })),
    ).toEqual(
      OLD_VOLUNTEERS.map((row) => ({
        id: row.id,
        personId: row.person_id,
        areaCode: row.area_code,
        skills: [],
        availability: [],
      })),
    );
    expect(volunteers[0]!.registeredAt.toISOString()).toBe(registeredAt.toISOString());
    const records = await db.dataSource.getRepository(ServiceRecord).find({ order: { volunteerId: 'ASC' } });
    expect(
      records.map((r) => [
        r.volunteerId,
        r.source,
        r.status,
        r.minutes,
        r.computedMinutes,
        r.windowMinutes,
        r.areaCode,
        r.servedAt.toISOString(),
      ]),
    ).toEqual([
      ['v-1', 'OPENING', 'CONFIRMED', 6030, 6030, null, '510116001001001001', registeredAt.toISOString()],
      ['v-3', 'OPENING', 'CONFIRMED', 90, 90, null, '510116001002001002', registeredAt.toISOString()],
    ]);
    const changes = await db.dataSource.getRepository(ServiceRecordChange).find();
    expect(
      changes.map((c) => [c.recordId, c.kind, c.minutesBefore, c.minutesAfter, c.statusAfter, c.by]).sort(),
    ).toEqual(records.map((r) => [r.id, 'MIGRATED', null, r.minutes, 'CONFIRMED', 'migration']).sort());
  });

  it('gives existing activities no enrolments yet, and starts the category catalogue with its rates', async () => {
    const activity = await db.dataSource.getRepository(Activity).findOneByOrFail({ id: 'a-1' });
    expect(activity).toMatchObject({
      enrolledCount: 0,
      place: '',
      description: null,
      cancelReason: null,
      createdBy: null,
    });
    const rates = await db.dataSource.getRepository(PointRate).find({ order: { category: 'ASC' } });
    expect(rates.map((rate) => [rate.category, rate.pointsPerHour]).sort()).toEqual([...DEFAULT_RATES].sort());
  });

  it('still refuses a second profile for one person', async () => {
    const duplicate = db.dataSource.getRepository(Volunteer).insert({
      id: 'v-4',
      personId: 'p-1',
      areaCode: '510116001001001001',
      skills: [],
      availability: [],
      registeredAt,
    });
    await expect(duplicate.catch((error) => isUniqueViolation(error))).resolves.toBe(true);
  });

  it('leaves existing activities outside any project', async () => {
    expect((await db.dataSource.getRepository(Activity).findOneByOrFail({ id: 'a-1' })).projectId).toBeNull();
    expect(await db.dataSource.getRepository(Project).count()).toBe(0);
  });

  it('keeps a drive made before closing existed OPEN, with no close recorded', async () => {
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    const at = db.kind === 'mysql' ? registeredAt : '2025-03-01 02:00:00.000';
    await db.dataSource.query(
      "INSERT INTO care_drive (id, area_code, title, target_tag, status, target_count, created_by, created_at) VALUES ('d-1', '510116001001', '冬季安全爱心包', 'EMPTY_NEST_ELDER', 'OPEN', 3, 'worker', ?)",
      [at],
    );
    await db.dataSource.runMigrations({ transaction: 'each' });
    const drive = await db.dataSource.getRepository(CareDrive).findOneByOrFail({ id: 'd-1' });
    expect(drive).toMatchObject({ status: 'OPEN', targetCount: 3, closedAt: null, closedBy: null, closeNote: null });
    expect(drive.createdAt.toISOString()).toBe(registeredAt.toISOString());
  });

  it('can be undone, putting the confirmed minutes back on the volunteers', async () => {
    // Closing care drives first, then care drives, then community projects: their columns, tables and the activity's project go.
    const runner = db.dataSource.createQueryRunner();
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await runner.hasColumn('care_drive', 'closed_at')).toBe(false);
    expect(await runner.hasColumn('care_drive', 'close_note')).toBe(false);
    expect(await runner.hasColumn('care_drive', 'status')).toBe(true);
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await runner.hasTable('care_delivery')).toBe(false);
    expect(await runner.hasTable('care_drive')).toBe(false);
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await runner.hasTable('project')).toBe(false);
    expect(await runner.hasColumn('activity', 'project_id')).toBe(false);
    await runner.release();
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    const rows: { id: string; confirmed_minutes: number | string }[] = await db.dataSource.query(
      'SELECT id, confirmed_minutes FROM volunteer ORDER BY id',
    );
    expect(rows.map((row) => [row.id, Number(row.confirmed_minutes)])).toEqual(
      OLD_VOLUNTEERS.map((row) => [row.id, row.confirmed_minutes]),
    );
    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await db.dataSource.getRepository(ServiceRecord).count()).toBe(2);
  });
});
