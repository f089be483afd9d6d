import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { Database } from './database.js';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs writes in one transaction. better-sqlite3 has a single connection, on which
 * TypeORM turns a second concurrent transaction into a savepoint of the first, so one
 * request's rollback could undo or keep another's rows: on SQLite they wait in line.
 */
export function inTransaction<T>(db: Database, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (db.kind !== 'sqlite') return db.dataSource.transaction(work);
  const previous = sqliteQueues.get(db.dataSource) ?? Promise.resolve();
  const run = previous.then(() => db.dataSource.transaction(work));
  sqliteQueues.set(
    db.dataSource,
    run.catch(() => undefined),
  );
  return run;
}

/** A write refused by a unique index, on SQLite or MySQL/MariaDB. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'ER_DUP_ENTRY';
}
