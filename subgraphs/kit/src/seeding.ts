import type { EntitySchema, ObjectLiteral } from 'typeorm';
import { bulkInsert } from './bulk-insert.js';
import type { Database } from './database.js';
import type { Logger } from './logger.js';
import { inTransaction } from './transaction.js';

/** What the demo generator is asked for (scripts/demo/world.ts). */
export interface DemoDataOptions {
  seed: number;
  /** Number of residents; everything else scales with it. */
  residents: number;
  /**
   * Residents per community: the city grows by more communities of this size rather than
   * by denser ones. Unset, the residents live in the 37 real communities of DESIGN.md.
   */
  communityResidents?: number;
}

/** The seed running in this process, if any: seeds take turns (see seedEmptyDatabase). */
let running: Promise<unknown> = Promise.resolve();

/**
 * Inserts demo rows into an empty database in one transaction, in multi-row statements.
 * A database that already holds rows of `marker` is left as it is: demo data never
 * overwrites real data.
 *
 * Seeds in one process (the benchmark's filler, tests that start several subgraphs) run
 * one after another: each holds the rows it derives only while it inserts them, so a fill
 * needs the memory of its largest seed, not of all four at once. At a million residents
 * the four together outgrew Node's default heap; the database, not the seeds' JavaScript,
 * is what takes the time, so little is lost by not overlapping them.
 */
export function seedEmptyDatabase(
  db: Database,
  marker: EntitySchema,
  logger: Logger,
  fill: (insert: <T extends ObjectLiteral>(entity: EntitySchema<T>, rows: T[]) => Promise<void>) => Promise<void>,
): Promise<boolean> {
  const turn = running.then(() => seed(db, marker, logger, fill));
  running = turn.catch(() => undefined);
  return turn;
}

async function seed(
  db: Database,
  marker: EntitySchema,
  logger: Logger,
  fill: (insert: <T extends ObjectLiteral>(entity: EntitySchema<T>, rows: T[]) => Promise<void>) => Promise<void>,
): Promise<boolean> {
  const existing = await db.dataSource.getRepository(marker).count();
  if (existing > 0) {
    logger.info('database has data; demo data not loaded');
    return false;
  }
  await inTransaction(db, async (manager) => {
    await fill((entity, rows) => bulkInsert(manager, entity, rows));
  });
  logger.info('demo data loaded');
  return true;
}
