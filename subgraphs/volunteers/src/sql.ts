import type { DataSource, EntityManager, EntitySchema, ObjectLiteral, UpdateResult } from 'typeorm';
import type { Database } from '../../kit/src/database.js';

/**
 * Takes the row lock of one row for the rest of the transaction (MySQL/MariaDB). On SQLite
 * the kit's `inTransaction` runs one write transaction at a time, which is the same lock.
 * Call it first in the transaction: InnoDB's consistent reads then see every write that
 * committed before the lock was granted.
 */
export async function lockRow<T extends ObjectLiteral>(manager: EntityManager, db: Database, entity: EntitySchema<T>, id: string): Promise<void> {
  if (db.kind !== 'mysql') return;
  await manager.getRepository(entity).createQueryBuilder('row').select('row.id').where('row.id = :id', { id }).setLock('pessimistic_write').getRawOne();
}

/**
 * A row as it is now, also inside a transaction whose InnoDB snapshot is older (a locking
 * read sees the latest committed version): for the message after a conditional UPDATE
 * found nothing to change. That UPDATE holds the row's lock already, so FOR UPDATE costs
 * nothing more (and, unlike TypeORM's shared lock, MariaDB accepts it).
 */
export function latestRow<T extends ObjectLiteral>(manager: EntityManager, db: Database, entity: EntitySchema<T>, id: string): Promise<T> {
  const qb = manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id });
  if (db.kind === 'mysql') qb.setLock('pessimistic_write');
  return qb.getOneOrFail();
}

/** Rows a conditional UPDATE changed (both drivers report it). */
export function changed(result: UpdateResult): number {
  return result.affected ?? 0;
}

/** better-sqlite3 binds no Date: raw statements get TypeORM's SQLite text form (UTC). */
export function sqlTime(dataSource: DataSource, date: Date): string | Date {
  return isMysql(dataSource) ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.driver.options.type === 'mysql';
}

/** Now, in whole seconds: MySQL's DATETIME keeps no fraction, and payloads show what is stored. */
export function currentTime(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
