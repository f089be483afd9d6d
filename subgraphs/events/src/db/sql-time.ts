import type { Database } from '../../../kit/src/database.js';

/**
 * A timestamp as a raw statement parameter, in the form TypeORM stores it: better-sqlite3
 * binds no Date objects and SQLite compares datetimes as text, so the text must match the
 * stored form to the millisecond; MySQL's DATETIME keeps whole seconds in UTC.
 */
export function sqlTimestamp(kind: Database['kind'], date: Date): string {
  const text = date.toISOString().replace('T', ' ').replace('Z', '');
  return kind === 'sqlite' ? text : text.slice(0, 19);
}

/** Whole seconds: MySQL's DATETIME keeps no fraction, and a payload should show what is stored. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
