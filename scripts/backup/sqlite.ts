import { chmod, copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE } from '../people/private-file.js';
import { PRIVATE_FOLDER_MODE } from './manifest.js';

/** The part of better-sqlite3 used here (the package ships no types; TypeORM loads the same module). */
interface SqliteDatabase {
  prepare(sql: string): { all(): unknown[]; get(): unknown };
  backup(destination: string, options?: { progress?: (info: { remainingPages: number }) => number }): Promise<unknown>;
  close(): void;
}
type SqliteConstructor = new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number },
) => SqliteDatabase;
const Sqlite = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;

/**
 * Copies a live database with SQLite's online backup API. After the first call the rest
 * of the pages go in one step, inside one read transaction: the copy is the database as
 * committed at that instant, and in WAL mode the services keep writing meanwhile (a
 * copy made in many small steps would start over each time another process writes).
 */
export async function backupSqlite(file: string, destination: string): Promise<Record<string, number>> {
  const source = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await source.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  await chmod(destination, PRIVATE_FILE_MODE);
  return sqliteRowCounts(destination);
}

/** Rows per table of a SQLite file (SQLite's own tables left out). */
export function sqliteRowCounts(file: string): Record<string, number> {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

/** Rows per table of the target, or null when there is no database file there yet. */
export async function existingSqliteRows(file: string): Promise<Record<string, number> | null> {
  const size = await stat(file).then(
    (found) => found.size,
    () => null,
  );
  return size ? sqliteRowCounts(file) : null;
}

/**
 * Puts the backup in place of the target file: copied beside it first, then renamed over
 * it, so a reader never sees half a database; the target's old WAL and shared-memory
 * files go (they belong to the database being replaced). The services must be stopped.
 */
export async function restoreSqlite(backupFile: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const staging = `${target}.restoring`;
  await copyFile(backupFile, staging);
  await chmod(staging, PRIVATE_FILE_MODE);
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(staging, target);
}
