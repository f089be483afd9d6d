import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../subgraphs/kit/src/database.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { world } from '../people/support.js';
import { freshDatabaseUrl } from '../support/database.js';
import { tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { TEST_RESIDENTS, TEST_SEED } from '../support/subgraph.js';

/**
 * `npm run import` of 1,000 rows in batches of 50, three in flight, against a people
 * subgraph running as its own process. When the answer to the second batch has left the
 * gateway (the batch is committed), the people process is killed with SIGKILL and that
 * answer never reaches the importer; the other batches in flight die with it. The people
 * subgraph is started again over the same database. The report must then say of every
 * row what the database holds: 新增 or 已导入 exactly for the rows stored.
 */
const run = promisify(execFile);
const STREET = '510116001';
const ROWS = 1000;
const BATCH = 50;
const KILL_AFTER_ANSWERS = 2;

/** A port free right now on 127.0.0.1, for a service that must be told its port before it starts. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The people subgraph as its own process, as `npm start` runs it. */
interface ChildService {
  child: ChildProcess;
  exited: Promise<void>;
}

function startChildService(entry: string, env: Record<string, string>): ChildService {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
}

let dir: string;
let platform: Platform;
let people: ChildService;
let peoplePort: number;
let database: { url: string; drop: () => Promise<void> };
let relay: Server;
let relayUrl: string;
const crash = { answersPassed: 0, killedAt: null as number | null, restarted: null as Promise<void> | null };

function startPeople(): ChildService {
  return startChildService('subgraphs/people/src/main.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PEOPLE_PORT: String(peoplePort),
    PEOPLE_DATABASE_URL: database.url,
    GRAPH_URL: platform.gatewayUrl,
    DEMO_SEED: String(TEST_SEED),
    DEMO_RESIDENTS: String(TEST_RESIDENTS),
  });
}

async function healthy(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not healthy in 60 s`);
}

/**
 * The importer's way to the gateway. It passes everything on, except that when the answer
 * to the KILL_AFTER_ANSWERS-th import batch comes back, it kills the people process, drops
 * that answer (the importer's connection is cut) and starts people again.
 */
function startRelay(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      const response = await fetch(target, { method: 'POST', headers, body }).catch(() => null);
      const text = response ? await response.text() : '';
      if (response?.ok && body.includes('importPeople') && text.includes('"results"')) {
        crash.answersPassed += 1;
        if (crash.answersPassed === KILL_AFTER_ANSWERS) {
          people.child.kill('SIGKILL');
          crash.killedAt = Date.now();
          req.socket.destroy();
          crash.restarted = people.exited.then(async () => {
            people = startPeople();
            await healthy(`http://127.0.0.1:${peoplePort}/health`);
          });
          return;
        }
      }
      if (!response) return void res.writeHead(502).end();
      res.writeHead(response.status, { 'content-type': 'application/json' }).end(text);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crashed-import-'));
  database = process.env.TEST_MYSQL_URL
    ? freshDatabaseUrl('crash')
    : { url: `sqlite:${join(dir, 'people.sqlite')}`, drop: async () => {} };
  peoplePort = await freePort();
  platform = await startPlatform({ PEOPLE_URL: `http://127.0.0.1:${peoplePort}/graphql` });
  people = startPeople();
  await healthy(`http://127.0.0.1:${peoplePort}/health`);
  relay = await startRelay(platform.gatewayUrl);
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  relay?.closeAllConnections();
  await new Promise((resolve) => relay?.close(resolve));
  await crash.restarted?.catch(() => {});
  if (people && people.child.exitCode === null && people.child.signalCode === null) people.child.kill('SIGKILL');
  await people?.exited;
  await platform?.stop();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an import whose people subgraph is killed mid-import', () => {
  it('reports as imported exactly the rows the database holds once people is back', async () => {
    const micros = world().grids.filter((grid) => grid.type === 'MICRO' && grid.code.startsWith(STREET));
    const idNumberOfLine = new Map<number, string>();
    const lines = ['姓名,身份证号,人口类型,网格编码'];
    for (let index = 0; index < ROWS; index += 1) {
      const birth = new Date(Date.UTC(1945, 0, 1) + Math.floor(index / 500) * 86_400_000 * 61)
        .toISOString()
        .slice(0, 10);
      const idNumber = makeIdNumber('510182', birth, index % 500);
      // The header is line 1: row n of the data is line n + 2.
      idNumberOfLine.set(index + 2, idNumber);
      lines.push(
        `居民${String.fromCharCode(0x4e00 + (index % 2000))}${String.fromCharCode(0x4e00 + Math.floor(index / 2000))},${idNumber},${['户籍', '常住', '流动'][index % 3]},${micros[index % micros.length]!.code}`,
      );
    }
    const file = join(dir, '中断导入.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const token = await tokenFor('INTEGRATION', [STREET], { subject: 'street-platform' });

    const command = await run(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'scripts/import-people.ts',
        file,
        '--gateway',
        relayUrl,
        '--batch',
        String(BATCH),
      ],
      { env: { ...process.env, GRAPH_TOKEN: token } },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(crash.killedAt).not.toBeNull();
    await crash.restarted;

    const report = parse(await readFile(join(dir, '中断导入.导入报告.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const byOutcome = (label: string) =>
      new Set(report.filter((line) => line['结果'] === label).map((line) => idNumberOfLine.get(Number(line['行号']))!));
    const created = byOutcome('新增');
    const confirmed = byOutcome('已导入');
    const notImported = byOutcome('未导入');

    const { dataSource } = await openDatabase({ url: database.url, entities: peopleSubgraph.entities, migrations: [] });
    const rows = (await dataSource.query('SELECT id_number AS idNumber FROM person')) as { idNumber: string }[];
    await dataSource.destroy();
    const fileNumbers = new Set(idNumberOfLine.values());
    const stored = new Set(rows.map((row) => row.idNumber).filter((idNumber) => fileNumbers.has(idNumber)));

    console.log(
      `rows ${ROWS} in batches of ${BATCH}: answered 新增 ${created.size}, confirmed after the crash 已导入 ${confirmed.size}, 未导入 ${notImported.size}, other ${report.length - created.size - confirmed.size - notImported.size}; stored in the database ${stored.size}; exit code ${command.code}`,
    );
    expect(report).toHaveLength(ROWS);
    expect(created.size + confirmed.size + notImported.size).toBe(ROWS);
    // The batch whose answer was dropped had been committed: its rows are found again.
    expect(confirmed.size).toBeGreaterThanOrEqual(BATCH);
    expect(new Set([...created, ...confirmed])).toEqual(stored);
    expect([...notImported].filter((idNumber) => stored.has(idNumber))).toEqual([]);
    expect(command.code).toBe(1);
    expect(command.stdout).toContain(`中断后复查确认已导入 ${confirmed.size}`);
  });
});
