import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createConnection, type Connection } from 'mysql2/promise';
import { writePrivateFile } from '../people/private-file.js';

/** What the command-line clients need from a `mysql://user:pass@host:port/db` URL. */
interface ServerAccess {
  host: string;
  port: string;
  user: string;
  password: string;
  database: string;
}

function accessOf(url: string): ServerAccess {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`MySQL 数据库名只能含字母、数字和 _：${database}`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port || '3306',
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The first of the clients on PATH: Debian's MariaDB client has both names. */
function client(names: string[]): string {
  for (const name of names) if (spawnSync('which', [name]).status === 0) return name;
  throw new Error(`找不到 ${names.join(' 或 ')}：请安装 MariaDB 客户端（Debian：apt-get install mariadb-client）`);
}

/** Runs a client with the password in MYSQL_PWD (never on the command line, where `ps` shows it). */
function runClient(
  command: string,
  args: string[],
  access: ServerAccess,
  stdin: NodeJS.ReadableStream | null,
  stdout: NodeJS.WritableStream | null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [`--host=${access.host}`, `--port=${access.port}`, `--user=${access.user}`, ...args], {
      env: { ...process.env, MYSQL_PWD: access.password },
      stdio: [stdin ? 'pipe' : 'ignore', stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    if (stdin && child.stdin) stdin.pipe(child.stdin);
    if (stdout && child.stdout) child.stdout.pipe(stdout);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} 失败（退出码 ${code}）：${errors.trim().split('\n')[0] ?? ''}`));
    });
  });
}

/**
 * Dumps one database with `mariadb-dump --single-transaction`: one consistent snapshot
 * taken at its start, while the services go on writing (InnoDB). One INSERT per row
 * (`--skip-extended-insert`), so the dump's rows per table are counted from its lines;
 * `--no-autocommit` keeps the restore of those rows one transaction per table.
 */
export async function dumpMysql(url: string, destination: string): Promise<Record<string, number>> {
  const access = accessOf(url);
  await writePrivateFile(destination, '');
  const output = createWriteStream(destination, { flags: 'w' });
  const finished = new Promise<void>((resolve, reject) => {
    output.on('close', resolve);
    output.on('error', reject);
  });
  try {
    await runClient(
      client(['mariadb-dump', 'mysqldump']),
      [
        '--single-transaction',
        '--skip-extended-insert',
        '--no-autocommit',
        '--hex-blob',
        '--routines',
        '--triggers',
        '--default-character-set=utf8mb4',
        access.database,
      ],
      access,
      null,
      output,
    );
  } catch (error) {
    output.destroy();
    throw error;
  }
  await finished;
  return dumpRowCounts(destination);
}

/** Rows per table of a dump written with one INSERT per row; a table with none counts 0. */
export async function dumpRowCounts(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const line of createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    const created = /^CREATE TABLE `([^`]+)`/.exec(line);
    if (created) counts[created[1]!] ??= 0;
    const inserted = /^INSERT INTO `([^`]+)` VALUES /.exec(line);
    if (inserted) counts[inserted[1]!] = (counts[inserted[1]!] ?? 0) + 1;
  }
  return counts;
}

async function connect(url: string, withDatabase: boolean): Promise<Connection> {
  const parsed = new URL(url);
  if (!withDatabase) parsed.pathname = '/';
  return createConnection({ uri: parsed.toString() });
}

/** Rows per table of a database on the server (created empty when missing, as the services would). */
export async function mysqlRowCounts(url: string): Promise<Record<string, number>> {
  const { database } = accessOf(url);
  const server = await connect(url, false);
  try {
    await server.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [tables] = (await server.query(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
      [database],
    )) as unknown as [{ name: string }[]];
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [rows] = (await server.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${name}\``)) as unknown as [
        { n: number | string }[],
      ];
      counts[name] = Number(rows[0]?.n ?? 0);
    }
    return counts;
  } finally {
    await server.end();
  }
}

/** Loads a dump into the database the URL names (its tables are dropped and created again by the dump). */
export async function restoreMysql(dumpFile: string, url: string): Promise<void> {
  const access = accessOf(url);
  await runClient(
    client(['mariadb', 'mysql']),
    ['--default-character-set=utf8mb4', access.database],
    access,
    createReadStream(dumpFile),
    null,
  );
}
