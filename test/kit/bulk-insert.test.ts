import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bulkInsert } from '../../subgraphs/kit/src/bulk-insert.js';
import { openDatabase, type Database } from '../../subgraphs/kit/src/database.js';
import { createLogger } from '../../subgraphs/kit/src/logger.js';
import { seedEmptyDatabase } from '../../subgraphs/kit/src/seeding.js';
import { freshDatabaseUrl } from '../support/database.js';

interface Row {
  id: string;
  name: string;
  count?: number;
  active: boolean;
  at: Date;
  tags: string[] | null;
}

const BulkRow = new EntitySchema<Row>({
  name: 'BulkRow',
  tableName: 'bulk_row',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 50 },
    count: { type: 'int', default: 7 },
    active: { type: 'boolean' },
    at: { type: 'datetime' },
    tags: { type: 'simple-json', nullable: true },
  },
});

/** Stays empty, so that seeds keyed on it always run. */
const SeedMark = new EntitySchema<{ id: string }>({
  name: 'SeedMark',
  tableName: 'seed_mark',
  columns: { id: { type: 'varchar', length: 36, primary: true } },
});

class CreateBulkRow implements MigrationInterface {
  name = 'CreateBulkRow1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE bulk_row (id varchar(36) NOT NULL PRIMARY KEY, name varchar(50) NOT NULL, count int NOT NULL DEFAULT 7, active boolean NOT NULL, at datetime NOT NULL, tags text NULL)',
    );
    await runner.query('CREATE TABLE seed_mark (id varchar(36) NOT NULL PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE seed_mark');
    await runner.query('DROP TABLE bulk_row');
  }
}

const ROWS = 2345;
/** Ids in descending order, so that MySQL's primary-key ordering has something to do. */
const rows: Row[] = Array.from({ length: ROWS }, (_, index) => ({
  id: `row-${String(ROWS - index).padStart(5, '0')}`,
  name: `第${index}行`,
  ...(index % 3 === 0 ? {} : { count: index }),
  active: index % 2 === 0,
  at: new Date(Date.UTC(2026, 10, 1, 8, index % 60)),
  tags: index % 5 === 0 ? null : ['a', `t${index}`],
}));

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = freshDatabaseUrl('bulk');
  drop = fresh.drop;
  db = await openDatabase({ url: fresh.url, entities: [BulkRow, SeedMark], migrations: [CreateBulkRow] });
});
afterAll(async () => {
  await db?.dataSource.destroy();
  await drop?.();
});

describe('bulk insert', () => {
  it('writes every row, defaults and JSON included, in one statement per chunk, without touching the rows given', async () => {
    const before = structuredClone(rows);
    db.statements.count = 0;
    await bulkInsert(db.dataSource.manager, BulkRow, rows);
    expect(db.statements.count).toBe(db.kind === 'sqlite' ? Math.ceil(ROWS / 100) : Math.ceil(ROWS / 1000));
    expect(rows).toEqual(before);

    const stored = await db.dataSource.getRepository(BulkRow).find({ order: { id: 'ASC' } });
    expect(stored.length).toBe(ROWS);
    const expected = [...rows]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((row) => ({ ...row, count: row.count ?? 7 }));
    expect(stored).toEqual(expected);
  });

  it('sends nothing for no rows', async () => {
    db.statements.count = 0;
    await bulkInsert(db.dataSource.manager, BulkRow, []);
    expect(db.statements.count).toBe(0);
  });
});

describe('demo seeding', () => {
  it('lets the seeds of one process take turns: the second starts when the first has finished', async () => {
    const logger = createLogger('test', 'silent');
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstStarted = () => {};
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const first = seedEmptyDatabase(db, SeedMark, logger, async () => {
      order.push('first starts');
      firstStarted();
      await held;
      order.push('first ends');
    });
    const second = seedEmptyDatabase(db, SeedMark, logger, async () => {
      order.push('second starts');
    });
    // Wait for the first seed itself, however slow the database: a fixed sleep alone failed
    // on a loaded MariaDB, where the first seed had not yet begun. The short pause after it
    // only gives a second seed that did not wait its turn the time to show it; a correct
    // queue passes however long the pause lasts.
    await started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });
});
