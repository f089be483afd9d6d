import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  DataSource,
  type DataSourceOptions,
  type EntitySchema,
  type Logger,
  type MigrationInterface,
  type MixedList,
} from 'typeorm';

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
  /** How long to keep trying a MySQL server that cannot be reached (seconds; 0 tries once). */
  connectTimeoutSeconds?: number;
  /** Told of each failed attempt that will be retried, and the wait before the next. */
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

/** The database could not be reached within the connect timeout: the message is the one line to print. */
export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

/** Errors of a server that is not there (yet), as opposed to a wrong password or a bad migration. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

function unreachableReason(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return `${code}${message ? `: ${String(message)}` : ''}`;
  if (typeof message === 'string' && /connect ETIMEDOUT|Connection lost/i.test(message)) return message;
  return null;
}

/** Where the URL points, without its password, for a log line. */
function serverOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '3306'}`;
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
    await dataSource.initialize();
  } else if (options.url.startsWith('mysql://')) {
    kind = 'mysql';
    dataSource = await connectMysql(options, common);
  } else {
    throw new Error('database URL must start with sqlite: or mysql://');
  }
  await dataSource.runMigrations({ transaction: 'each' });
  statements.count = 0;
  return { dataSource, statements, kind };
}

/**
 * Reaches the MySQL server, retrying with backoff (0.5 s doubling to 5 s) while it is not
 * there, until `connectTimeoutSeconds` have passed: a database that starts after the service
 * (a reboot, a container order) is waited for instead of ending the service.
 */
async function connectMysql(
  options: DatabaseOptions,
  common: Pick<DataSourceOptions, 'entities' | 'migrations' | 'migrationsRun' | 'synchronize' | 'logging' | 'logger'>,
): Promise<DataSource> {
  const timeoutMs = (options.connectTimeoutSeconds ?? 0) * 1000;
  const giveUpAt = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    // A silent host (a dropped SYN) fails within the time left rather than mysql2's 10 s.
    const connectTimeout = Math.max(1000, Math.min(10_000, giveUpAt - Date.now()));
    const dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: options.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      connectTimeout,
      extra: { connectionLimit: options.poolSize ?? 20 },
    });
    try {
      await createMysqlDatabase(options.url, connectTimeout);
      return await dataSource.initialize();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => {});
      const reason = unreachableReason(error);
      if (reason === null) throw error;
      const waitMs = Math.min(5000, 500 * 2 ** (attempt - 1));
      if (Date.now() + waitMs > giveUpAt) {
        throw new DatabaseUnreachable(
          `database ${serverOf(options.url)} unreachable after ${attempt} attempts in ${Math.round(timeoutMs / 1000)} s (${reason}); giving up`,
        );
      }
      options.onRetry?.(attempt, reason, waitMs);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
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

async function createMysqlDatabase(url: string, connectTimeout?: number): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error('MySQL database name must be letters, digits and _');
  parsed.pathname = '/';
  const connection = await createConnection({ uri: parsed.toString(), ...(connectTimeout ? { connectTimeout } : {}) });
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
