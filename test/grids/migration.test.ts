import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { Initial1764400000000 } from '../../subgraphs/grids/src/migrations/1764400000000-initial.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { openDatabase, type Database } from '../../subgraphs/kit/src/database.js';
import { freshDatabaseUrl } from '../support/database.js';
import { demoWorld } from '../support/world.js';

let world: DemoWorld;
let leaders: DemoWorld['staff'];
/** A leader whose record was closed before history was kept. */
let retiredLeader: DemoWorld['staff'][number];
/** Old data that broke the rule: a second active leader of a micro-grid. */
let secondLeader: DemoWorld['staff'][number];
let secondLeaderGrid: string;

function pickFromWorld() {
  world = demoWorld();
  leaders = world.staff.filter((staff) => staff.role === 'MICRO_GRID_LEADER');
  retiredLeader = leaders[0]!;
  secondLeader = {
    id: 'second-leader',
    personId: world.people[1]!.id,
    role: 'MICRO_GRID_LEADER' as const,
    areaCode: leaders[1]!.areaCode,
    active: true,
    createdAt: new Date(Date.UTC(2026, 5, 1)),
  };
  secondLeaderGrid = world.assignments.find((a) => a.staffId === leaders[1]!.id)!.gridId;
}

let directory: string | null = null;
let url: string;
let drop: () => Promise<void> = async () => {};
let db: Database;

/** Writes rows the way the first version's seed did, into the first version's tables. */
async function seedTheOldWay(old: Database) {
  const sqlite = old.kind === 'sqlite';
  const at = (date: Date) => (sqlite ? date.toISOString().replace('T', ' ').replace('Z', '') : date);
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const columns = Object.keys(row);
      await old.dataSource.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        Object.values(row),
      );
    }
  };
  await insert(
    'area',
    world.areas.map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level,
      parent_code: a.parentCode,
      administered_by: a.administeredBy,
      is_demo_code: Number(a.isDemoCode),
    })),
  );
  await insert(
    'grid',
    world.grids.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      type: g.type,
      status: g.status,
      parent_id: g.parentId,
      community_code: g.communityCode,
      dedicated_to: g.dedicatedTo,
      created_at: at(g.createdAt),
    })),
  );
  const staff = [...world.staff.map((s) => (s.id === retiredLeader.id ? { ...s, active: false } : s)), secondLeader];
  await insert(
    'grid_staff',
    staff.map((s) => ({
      id: s.id,
      person_id: s.personId,
      role: s.role,
      area_code: s.areaCode,
      active: Number(s.active),
      created_at: at(s.createdAt),
    })),
  );
  await insert(
    'staff_assignment',
    [...world.assignments, { staffId: secondLeader.id, gridId: secondLeaderGrid }].map((a) => ({
      staff_id: a.staffId,
      grid_id: a.gridId,
    })),
  );
}

beforeAll(async () => {
  pickFromWorld();
  if (process.env.TEST_MYSQL_URL) ({ url, drop } = freshDatabaseUrl('grids_migration'));
  else {
    directory = mkdtempSync(join(tmpdir(), 'grids-migration-'));
    url = `sqlite:${join(directory, 'grids.sqlite')}`;
  }
  const old = await openDatabase({ url, entities: [], migrations: [Initial1764400000000] });
  await seedTheOldWay(old);
  await old.dataSource.destroy();
  db = await openDatabase({ url, entities: gridsSubgraph.entities, migrations: gridsSubgraph.migrations });
}, 120_000);

afterAll(async () => {
  await db?.dataSource.destroy();
  await drop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
const rows = (sql: string, params: unknown[] = []): Promise<Row[]> => db.dataSource.query(sql, params);
const time = (value: unknown) =>
  new Date(value instanceof Date ? value : `${String(value).replace(' ', 'T')}Z`).getTime();

describe('a database seeded by the first version', () => {
  it('migrates every staff assignment into history, starting when its staff record was created', async () => {
    const history = await rows(
      'SELECT a.staff_id, a.started_at, a.ended_at, s.created_at FROM grid_assignment a JOIN grid_staff s ON s.id = a.staff_id',
    );
    expect(history).toHaveLength(world.assignments.length + 1);
    for (const row of history) expect(time(row.started_at)).toBe(time(row.created_at));
  });

  it('keeps assignments of active staff open and ends those of staff no longer active', async () => {
    const ended = await rows('SELECT staff_id FROM grid_assignment WHERE ended_at IS NOT NULL');
    expect(ended).toEqual([{ staff_id: retiredLeader.id }]);
  });

  it('gives the leader place of a micro-grid to its earliest active leader, so the unique index holds', async () => {
    const slots = await rows('SELECT staff_id FROM grid_assignment WHERE leader_of_grid_id = ?', [secondLeaderGrid]);
    expect(slots).toEqual([{ staff_id: leaders[1]!.id }]);
    const held = await rows('SELECT COUNT(*) AS n FROM grid_assignment WHERE leader_of_grid_id IS NOT NULL');
    expect(Number(held[0]!.n)).toBe(leaders.length - 1);
  });

  it('records the kind of the dedicated grids from their names', async () => {
    const dedicated = await rows("SELECT dedicated_to, dedicated_kind FROM grid WHERE type = 'DEDICATED'");
    expect(dedicated.length).toBeGreaterThan(0);
    for (const row of dedicated) expect(row.dedicated_kind).toMatch(/^(SCHOOL|HOSPITAL|MARKET)$/);
  });

  it('drops the old assignment table and leaves boundaries and buildings empty for the new writes', async () => {
    expect(await db.dataSource.createQueryRunner().hasTable('staff_assignment')).toBe(false);
    expect(await rows('SELECT id FROM grid WHERE boundary IS NOT NULL')).toEqual([]);
    expect(await rows('SELECT id FROM building')).toEqual([]);
  });

  it('can be undone and run again', async () => {
    // The community-life migration came after this one: undo it first.
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    const back = await rows('SELECT COUNT(*) AS n FROM staff_assignment');
    expect(Number(back[0]!.n)).toBe(world.assignments.length + 1);
    await db.dataSource.runMigrations({ transaction: 'each' });
    const again = await rows('SELECT COUNT(*) AS n FROM grid_assignment');
    expect(Number(again[0]!.n)).toBe(world.assignments.length + 1);
  });
});

describe('the community life migration', () => {
  const TABLES = [
    'service_station',
    'party_branch',
    'party_branch_grid',
    'party_branch_member',
    'service_brand',
    'service_brand_grid',
  ];

  it('adds empty tables for stations, branches and brands beside the migrated data', async () => {
    const runner = db.dataSource.createQueryRunner();
    for (const table of TABLES) expect(await runner.hasTable(table)).toBe(true);
    const station = await runner.getTable('service_station');
    expect(station?.indices.map((index) => [index.name, index.columnNames])).toContainEqual([
      'idx_service_station_lat_lng',
      ['lat', 'lng'],
    ]);
    const member = await runner.getTable('party_branch_member');
    expect(member?.indices.find((index) => index.name === 'uq_party_branch_member_current')?.isUnique).toBe(true);
    await runner.release();
    for (const table of TABLES) expect(await rows(`SELECT * FROM ${table}`)).toEqual([]);
  });

  it('drops its tables when undone, leaves the grids as they were, and runs again', async () => {
    const grids = await rows('SELECT COUNT(*) AS n FROM grid');
    await db.dataSource.undoLastMigration({ transaction: 'each' });
    const runner = db.dataSource.createQueryRunner();
    for (const table of TABLES) expect(await runner.hasTable(table)).toBe(false);
    expect(await rows('SELECT COUNT(*) AS n FROM grid')).toEqual(grids);
    await db.dataSource.runMigrations({ transaction: 'each' });
    for (const table of TABLES) expect(await runner.hasTable(table)).toBe(true);
    await runner.release();
  });
});
