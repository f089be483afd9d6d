import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from '../../gateway/src/config.js';
import { createGatewayApp } from '../../gateway/src/server.js';
import type { Manifest } from '../../scripts/backup/manifest.js';
import { eventsSubgraph } from '../../subgraphs/events/src/module.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { openDatabase } from '../../subgraphs/kit/src/database.js';
import { createLogger } from '../../subgraphs/kit/src/logger.js';
import { listen } from '../../subgraphs/kit/src/server.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { volunteersSubgraph } from '../../subgraphs/volunteers/src/module.js';
import { gridOf } from '../people/support.js';
import { freshDatabaseUrl } from '../support/database.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';

/**
 * The four subgraphs over databases a second process can read (SQLite files, or MariaDB
 * databases of their own with TEST_MYSQL_URL), the gateway in front, residents registered
 * through it without pause while `npm run backup` runs; then `npm run restore` into fresh
 * databases, which must hold every registration answered before the backup started.
 */
const run = promisify(execFile);
const MODULES = {
  people: peopleSubgraph,
  grids: gridsSubgraph,
  volunteers: volunteersSubgraph,
  events: eventsSubgraph,
};
type Name = keyof typeof MODULES;
const NAMES = Object.keys(MODULES) as Name[];
const WRITERS = 4;
const hanzi = (offset: number) => String.fromCharCode(0x4e00 + offset);

/** A port free right now on 127.0.0.1, for a service that must be told its port before it starts. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dir: string;
const drops: (() => Promise<void>)[] = [];

/** A database URL per subgraph: files in a folder of their own, or new MariaDB databases. */
async function freshDatabases(label: string): Promise<Record<Name, string>> {
  if (!process.env.TEST_MYSQL_URL) {
    const folder = await mkdtemp(join(dir, `${label}-`));
    return Object.fromEntries(NAMES.map((name) => [name, `sqlite:${join(folder, `${name}.sqlite`)}`])) as Record<
      Name,
      string
    >;
  }
  return Object.fromEntries(
    NAMES.map((name) => {
      const database = freshDatabaseUrl(`${label}_${name}`);
      drops.push(database.drop);
      return [name, database.url];
    }),
  ) as Record<Name, string>;
}

const envOf = (urls: Record<Name, string>) =>
  Object.fromEntries(NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, urls[name]]));

/** Runs one of the scripts as an operator would; resolves with its exit code and output. */
async function script(name: 'backup' | 'restore', args: string[], urls: Record<Name, string>) {
  return run(process.execPath, ['node_modules/tsx/dist/cli.mjs', `scripts/${name}.ts`, ...args], {
    env: { ...process.env, ...envOf(urls) },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** Rows per table, read straight from the database. */
async function rowCounts(name: Name, url: string): Promise<Record<string, number>> {
  const { dataSource } = await openDatabase({ url, entities: MODULES[name].entities, migrations: [] });
  try {
    const tables = (
      (await dataSource.query(
        url.startsWith('sqlite:')
          ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
          : `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`,
      )) as { name: string }[]
    ).map(({ name: table }) => table);
    const counts: Record<string, number> = {};
    for (const table of tables.sort()) {
      const quoted = url.startsWith('sqlite:') ? `"${table}"` : `\`${table}\``;
      const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${quoted}`)) as { n: number | string }[];
      counts[table] = Number(row?.n);
    }
    return counts;
  } finally {
    await dataSource.destroy();
  }
}

async function idNumbersIn(url: string): Promise<Set<string>> {
  const { dataSource } = await openDatabase({ url, entities: peopleSubgraph.entities, migrations: [] });
  try {
    const rows = (await dataSource.query('SELECT id_number AS idNumber FROM person')) as { idNumber: string }[];
    return new Set(rows.map((row) => row.idNumber));
  } finally {
    await dataSource.destroy();
  }
}

let source: Record<Name, string>;
let subgraphs: TestSubgraph[] = [];
let gateway: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backup-'));
  source = await freshDatabases('src');
  const gatewayPort = await freePort();
  const graphUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  subgraphs = await Promise.all(
    NAMES.map((name) =>
      startTestSubgraph(MODULES[name] as typeof peopleSubgraph, {
        graphUrl,
        graphIsGateway: true,
        env: { [`${name.toUpperCase()}_DATABASE_URL`]: source[name] },
      }),
    ),
  );
  const config = gatewayConfigSchema.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: String(gatewayPort),
    ...Object.fromEntries(NAMES.map((name, index) => [`${name.toUpperCase()}_URL`, subgraphs[index]!.url])),
  });
  const { app, apollo } = await createGatewayApp(config, createLogger('gateway', 'silent'));
  gateway = await listen(app, gatewayPort, '127.0.0.1', () => apollo.stop());
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  for (const drop of drops) await drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const REGISTER = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) { person { id } userErrors { code message } }
}`;

describe('a backup taken while residents are being registered', () => {
  const acknowledged: { idNumber: string; at: number }[] = [];
  let refused = 0;
  let backupStartedAt = 0;
  let backupEndedAt = 0;
  let folder: string;
  let manifest: Manifest;
  let restored: Record<Name, string>;

  beforeAll(async () => {
    const token = await tokenFor('STREET_ADMIN', ['510116001']);
    const grid = gridOf('MICRO', '510116001003');
    let writing = true;
    let firstRefusal: string | undefined;
    /** Waits for more answered registrations; a refusal ends the wait (the test then fails on it). */
    const answered = async (count: number) => {
      while (acknowledged.length < count && !refused) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(firstRefusal).toBeUndefined();
    };
    let sequence = 0;
    const writer = async () => {
      while (writing && !refused) {
        const index = sequence++;
        // Distinct numbers outside the demo world's address code: a birth date per 500.
        const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(index / 500) * 86_400_000).toISOString().slice(0, 10);
        const idNumber = makeIdNumber('510199', birth, index % 500);
        const { data, errors } = await graphql(gateway.url, REGISTER, {
          token,
          variables: {
            input: { name: `备份${hanzi(index % 2000)}${hanzi(Math.floor(index / 2000))}`, idNumber, gridId: grid.id },
          },
        });
        if (data?.registerPerson?.person) acknowledged.push({ idNumber, at: Date.now() });
        else {
          refused += 1;
          firstRefusal ??= JSON.stringify(errors ?? data);
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    await answered(40);
    folder = join(dir, 'backup');
    backupStartedAt = Date.now();
    const backup = await script('backup', ['--out', folder], source);
    backupEndedAt = Date.now();
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const afterBackup = acknowledged.length;
    await answered(afterBackup + 20);
    writing = false;
    await Promise.all(writers);
    manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    restored = await freshDatabases('restored');
  });

  it('keeps writing during the backup, and the manifest names every database with its rows and checksum', async () => {
    const during = acknowledged.filter(({ at }) => at >= backupStartedAt && at <= backupEndedAt).length;
    const before = acknowledged.filter(({ at }) => at < backupStartedAt).length;
    console.log(
      `registrations answered ok: ${acknowledged.length} (${before} before the backup, ${during} during it), refused: ${refused}`,
    );
    expect(refused).toBe(0);
    expect(during).toBeGreaterThan(0);
    expect(Date.parse(manifest.startedAt)).toBeGreaterThanOrEqual(backupStartedAt - 1000);
    expect(manifest.databases.map((entry) => entry.subgraph)).toEqual(NAMES);
    for (const entry of manifest.databases) {
      expect(entry.kind).toBe(process.env.TEST_MYSQL_URL ? 'mysql' : 'sqlite');
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.bytes).toBe((await stat(join(folder, entry.file))).size);
    }
    expect(manifest.databases[0]!.tables.person).toBeGreaterThan(400);
  });

  it('writes the folder for its owner only (0700) and every file 0600', async () => {
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const file of ['manifest.json', ...manifest.databases.map((entry) => entry.file)])
      expect((await stat(join(folder, file))).mode & 0o777).toBe(0o600);
  });

  it('refuses a backup file whose checksum differs, before restoring anything', async () => {
    const corrupted = join(dir, 'corrupted');
    await cp(folder, corrupted, { recursive: true });
    const entry = manifest.databases.find((candidate) => candidate.subgraph === 'events')!;
    const bytes = await readFile(join(corrupted, entry.file));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(join(corrupted, entry.file), bytes);
    const targets = await freshDatabases('corrupt');
    const result = await script('restore', [corrupted], targets);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `备份文件校验失败：${entry.file} 的 SHA-256 与清单不符（文件损坏或被改动），未恢复任何数据库`,
    ]);
    // Nothing was written: not even the people database, which comes first and is intact.
    if (!process.env.TEST_MYSQL_URL)
      await expect(stat(targets.people.slice('sqlite:'.length))).rejects.toThrow(/ENOENT/);
    else {
      const counts = await rowCounts('people', targets.people);
      expect(Object.values(counts).reduce((sum, rows) => sum + rows, 0)).toBe(0);
    }
  });

  it('restores into empty databases every registration answered before the backup started', async () => {
    const result = await script('restore', [folder], restored);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stored = await idNumbersIn(restored.people);
    const answeredBefore = acknowledged.filter(({ at }) => at < backupStartedAt);
    const missing = answeredBefore.filter(({ idNumber }) => !stored.has(idNumber));
    console.log(
      `restored ${stored.size} people; answered before the backup: ${answeredBefore.length}, missing from the restore: ${missing.length}`,
    );
    expect(answeredBefore.length).toBeGreaterThanOrEqual(40);
    expect(missing).toEqual([]);
    for (const entry of manifest.databases)
      expect(await rowCounts(entry.subgraph, restored[entry.subgraph])).toEqual(entry.tables);
  });

  it('refuses to restore into a database that holds rows, unless --force', async () => {
    const before = await rowCounts('people', restored.people);
    const result = await script('restore', [folder], restored);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^目标数据库不为空：people（.+）已有 \d+ 行，未恢复任何数据库；确需覆盖请加 --force$/);
    expect(await rowCounts('people', restored.people)).toEqual(before);
    const forced = await script('restore', [folder, '--force'], restored);
    expect(forced.code).toBe(0);
    expect(await rowCounts('people', restored.people)).toEqual(manifest.databases[0]!.tables);
  });
});
