import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type EntitySchema, type Logger, type MigrationInterface, type MixedList } from 'typeorm';

/** A migration class, as TypeORM's `migrations` option takes it. */
export type MigrationClass = new () => MigrationInterface;

/** Counts every SQL statement a DataSource sends, so tests can assert batching. */
export class StatementCounter implements Logger {
  count = 0;
  /** While a test sets it, every statement is kept here with its parameters. */
  recorded: [sql: string, params: unknown[]][] | null = null;
  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.recorded?.push([query, parameters ?? []]);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
  kind: 'sqlite' | 'mysql';
}

export interface DatabaseOptions {
  url: string;
  entities: MixedList<EntitySchema>;
  migrations: MixedList<MigrationClass>;
  /** MySQL connections in the pool (20 when unset); SQLite has one connection. */
  poolSize?: number;
}

/**
 * Opens the subgraph's own database from a URL: `sqlite:<file>` (better-sqlite3, the
 * embedded default; `sqlite::memory:` for tests) or `mysql://user:pass@host:port/db`
 * (MySQL 8 or MariaDB 10.11). The MySQL database is created when missing. Migrations
 * run at start; `synchronize` stays off so the schema only changes through migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = new StatementCounter();
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    synchronize: false,
    logging: ['query', 'error'] as ('query' | 'error')[],
    logger: statements,
  };
  let dataSource: DataSource;
  let kind: Database['kind'];
  if (options.url.startsWith('sqlite:')) {
    const file = options.url.slice('sqlite:'.length);
    if (file && file !== ':memory:') makePrivateSqliteFile(file);
    kind = 'sqlite';
    dataSource = new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: file,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
        // Makes `area_code LIKE 'prefix%'` a range scan on the index, as on MySQL; with
        // SQLite's default case-insensitive LIKE every scope filter scanned the table.
        db.pragma('case_sensitive_like = ON');
      },
    });
  } else if (options.url.startsWith('mysql://')) {
    await createMysqlDatabase(options.url);
    kind = 'mysql';
    dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: options.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      extra: { connectionLimit: options.poolSize ?? 20 },
    });
  } else {
    throw new Error('database URL must start with sqlite: or mysql://');
  }
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  statements.count = 0;
  return { dataSource, statements, kind };
}

/**
 * The SQLite file holds the register (ID numbers, phones): its folder is created 0700 and
 * the file 0600, owner only. The file is created empty before SQLite opens it, so the WAL
 * and shared-memory files SQLite makes beside it take the same mode; a file from an older
 * start that others could read is narrowed to 0600 too. A folder that exists is left as
 * it is (it may be a shared one such as /tmp).
 */
function makePrivateSqliteFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(path)) chmodSync(path, 0o600);
    } catch {
      // Not the owner (a file another account made): opening still works; the mode is theirs to set.
    }
  }
}

async function createMysqlDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error('MySQL database name must be letters, digits and _');
  parsed.pathname = '/';
  const connection = await createConnection({ uri: parsed.toString() });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** True when the database answers a trivial statement. */
export async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
