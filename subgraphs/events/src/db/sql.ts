import type { DataSource } from 'typeorm';
import type { Database } from '../../../kit/src/database.js';

/** Which SQL dialect a DataSource speaks. */
export function kindOf(dataSource: DataSource): Database['kind'] {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
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
export function prefixCondition(kind: Database['kind'], column: string): { sql: string; params: (prefix: string) => string[] } {
  if (kind === 'mysql') return { sql: `${column} LIKE ?`, params: (prefix) => [`${prefix}%`] };
  return { sql: `${column} >= ? AND ${column} < ?`, params: (prefix) => [prefix, `${prefix}:`] };
}
