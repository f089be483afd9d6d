import type { DataSource, EntityManager, EntitySchema, ObjectLiteral, SelectQueryBuilder, UpdateResult } from 'typeorm';
import type { Database } from './database.js';

/** The two SQL dialects every subgraph runs on. */
export type Dialect = Database['kind'];

/** Which dialect a DataSource speaks. */
export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/**
 * A timestamp as a raw statement parameter, in the form TypeORM stores it: better-sqlite3
 * binds no Date objects and SQLite compares datetimes as text, so the text must match the
 * stored form to the millisecond; MySQL's DATETIME keeps whole seconds in UTC.
 */
export function sqlTimestamp(kind: Dialect, date: Date): string {
  const text = date.toISOString().replace('T', ' ').replace('Z', '');
  return kind === 'sqlite' ? text : text.slice(0, 19);
}

/** A datetime read by a raw statement: a Date from mysql2, UTC text from SQLite. */
export function readTimestamp(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** `?, ?, ?` for a list of parameters. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * `column` starts with a code prefix, in the form each database can answer from the
 * column's index. SQLite's LIKE is case-insensitive and so cannot use a BINARY index: there
 * a range (codes are digits, and ':' sorts right after '9' in bytes). MySQL's LIKE 'p%'
 * is a range scan already, and its unicode collation does not sort ':' after the digits.
 */
export function prefixCondition(kind: Dialect, column: string): { sql: string; params: (prefix: string) => string[] } {
  if (kind === 'mysql') return { sql: `${column} LIKE ?`, params: (prefix) => [`${prefix}%`] };
  return { sql: `${column} >= ? AND ${column} < ?`, params: (prefix) => [prefix, `${prefix}:`] };
}

/** ` FOR UPDATE` on MySQL/MariaDB, nothing on SQLite, for hand-written locking reads. */
export function forUpdate(kind: Dialect): string {
  return kind === 'mysql' ? ' FOR UPDATE' : '';
}

/**
 * Makes a select a locking read on MySQL/MariaDB (`FOR UPDATE`). On SQLite the kit's
 * `inTransaction` runs one write transaction at a time, which is the same lock. A locking
 * read also sees the latest committed version of a row, not the transaction's snapshot.
 */
export function lockForWrite<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  db: Pick<Database, 'kind'>,
): SelectQueryBuilder<T> {
  if (db.kind === 'mysql') qb.setLock('pessimistic_write');
  return qb;
}

/**
 * Takes the row lock of one row for the rest of the transaction. Call it first in the
 * transaction: InnoDB's consistent reads then see every write that committed before the
 * lock was granted.
 */
export async function lockRow<T extends ObjectLiteral>(
  manager: EntityManager,
  db: Pick<Database, 'kind'>,
  entity: EntitySchema<T>,
  id: string,
): Promise<void> {
  if (db.kind !== 'mysql') return;
  await manager
    .getRepository(entity)
    .createQueryBuilder('row')
    .select('row.id')
    .where('row.id = :id', { id })
    .setLock('pessimistic_write')
    .getRawOne();
}

/**
 * A row as it is now, also inside a transaction whose InnoDB snapshot is older (a locking
 * read sees the latest committed version): for the message after a conditional UPDATE
 * found nothing to change. That UPDATE holds the row's lock already, so FOR UPDATE costs
 * nothing more (and, unlike TypeORM's shared lock, MariaDB accepts it).
 */
export function latestRow<T extends ObjectLiteral>(
  manager: EntityManager,
  db: Pick<Database, 'kind'>,
  entity: EntitySchema<T>,
  id: string,
): Promise<T> {
  return lockForWrite(
    manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id }),
    db,
  ).getOneOrFail();
}

/** Rows a conditional UPDATE changed (both drivers report it). */
export function changed(result: UpdateResult): number {
  return result.affected ?? 0;
}
