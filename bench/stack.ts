/**
 * The benchmark's services: the four subgraphs and our gateway in production mode over
 * the benchmark databases, with the peer gateway and the raw-SQL floor beside them, the
 * subjects the operations ask about, and the signed requests they send.
 */
import { execFileSync } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { ProcessGroup, waitHealthy, type ServiceSpec } from '../scripts/processes.js';
import { signDevToken } from '../subgraphs/kit/src/auth.js';
import { SUBGRAPHS } from '../subgraphs/kit/src/subgraphs.js';
import { BENCH_SECRET, benchConfig as config } from './config.js';
import { databaseUrl, finishedFill } from './fill.js';
import type { Target } from './load.js';
import type { Operation, Subjects } from './operations.js';

export const AUTH = { AUTH_JWT_SECRET: BENCH_SECRET, AUTH_ISSUER: 'grid-governance', AUTH_AUDIENCE: 'grid-graph' };
/** The gateways (ours and the peer) sign subgraph requests with it; production mode needs one. */
export const BENCH_SUBGRAPH_SECRET = `${BENCH_SECRET}-subgraphs-0123456789abcdef`;
const port = (offset: number) => config.BENCH_PORT_BASE + offset;
export const GATEWAY = port(0);
export const PEER = port(5);
export const FLOOR = port(6);
export const subgraphUrl = (index: number) => `http://127.0.0.1:${port(index + 1)}`;

export interface Stack {
  group: ProcessGroup;
  pids: Record<string, number>;
}

export function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

export async function fill(residents: number, prefix: string): Promise<number> {
  if (config.BENCH_REUSE) {
    const earlier = await finishedFill(residents, prefix);
    if (earlier !== null) {
      log(`reusing ${prefix}_* (filled earlier in ${earlier.toFixed(1)} s)`);
      return earlier;
    }
  }
  log(`filling ${residents} residents into ${prefix}_*`);
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/fill.ts', String(residents), prefix], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 24,
  });
  const seconds = (JSON.parse(output.trim().split('\n').pop() ?? '{}') as { seconds: number }).seconds;
  log(`filled in ${seconds.toFixed(1)} s`);
  return seconds;
}

let built = false;

/** Services run compiled, as in production: built once per benchmark run. */
function buildOnce(): void {
  if (built) return;
  log('building dist/ (npm run build)');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  built = true;
}

export async function startStack(prefix: string, withPeers: boolean): Promise<Stack> {
  buildOnce();
  const group = new ProcessGroup((name, reason) => log(`${name} exited unexpectedly (${reason})`), true, true);
  const env = {
    ...process.env,
    ...AUTH,
    SUBGRAPH_SHARED_SECRET: BENCH_SUBGRAPH_SECRET,
    NODE_ENV: 'production',
    // V8 lets the old generation grow far past what a service keeps alive before it
    // collects: at 50 connections people peaked at 310-370 MB, with a 160 MB cap ~180 MB.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${config.BENCH_HEAP_MB}`].filter(Boolean).join(' '),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    GRAPH_URL: `http://127.0.0.1:${GATEWAY}/graphql`,
  };
  const urls: Record<string, string> = {};
  const specs: ServiceSpec[] = SUBGRAPHS.map(({ name }, index) => {
    const upper = name.toUpperCase();
    urls[`${upper}_URL`] = `${subgraphUrl(index)}/graphql`;
    return {
      name,
      entry: `subgraphs/${name}/src/main.ts`,
      health: `${subgraphUrl(index)}/health`,
      env: {
        [`${upper}_PORT`]: String(port(index + 1)),
        [`${upper}_DATABASE_URL`]: databaseUrl(config.BENCH_MYSQL_URL, prefix, name),
      },
    };
  });
  const deadline = Date.now() + 120_000;
  for (const spec of specs) group.start(spec, env);
  await Promise.all(specs.map((spec) => waitHealthy(spec.health, deadline)));
  const gateways: ServiceSpec[] = [
    {
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      health: `http://127.0.0.1:${GATEWAY}/health`,
      env: { ...urls, GATEWAY_PORT: String(GATEWAY), GATEWAY_WORKERS: String(config.BENCH_GATEWAY_WORKERS) },
    },
  ];
  if (withPeers) {
    gateways.push(
      {
        name: 'peer',
        entry: 'bench/peer-gateway.ts',
        health: `http://127.0.0.1:${PEER}/healthcheck`,
        env: { ...urls, PEER_PORT: String(PEER), PEER_WORKERS: String(config.BENCH_GATEWAY_WORKERS) },
      },
      {
        name: 'floor',
        entry: 'bench/floor-server.ts',
        health: `http://127.0.0.1:${FLOOR}/health`,
        env: { FLOOR_PORT: String(FLOOR), FLOOR_PREFIX: prefix },
      },
    );
  }
  for (const spec of gateways) group.start(spec, env);
  await Promise.all(gateways.map((spec) => waitHealthy(spec.health, deadline)));
  await warmBufferPool(prefix);
  const pids = Object.fromEntries([...specs, ...gateways].map((spec) => [spec.name, group.pid(spec.name) ?? 0]));
  return { group, pids };
}

/**
 * Reads every index of the databases under test once, after the services have migrated
 * them, so that each run starts with the same warm buffer pool: otherwise a run after a
 * larger world's fill measured page reads from disk for its first seconds and more (the
 * dashboard's database CPU per request was 132 ms cold against 69 ms warm).
 */
async function warmBufferPool(prefix: string): Promise<void> {
  const started = Date.now();
  const connection = await createConnection({ uri: config.BENCH_MYSQL_URL });
  try {
    const [indexes] = await connection.query(
      `SELECT DISTINCT table_schema AS db, table_name AS tbl, index_name AS idx FROM information_schema.statistics WHERE table_schema LIKE ? ORDER BY 1, 2, 3`,
      [`${prefix}\\_%`],
    );
    for (const { db, tbl, idx } of indexes as { db: string; tbl: string; idx: string }[]) {
      await connection.query(`SELECT COUNT(*) FROM \`${db}\`.\`${tbl}\` FORCE INDEX (\`${idx}\`)`);
    }
    log(
      `warmed the buffer pool: ${(indexes as unknown[]).length} indexes of ${prefix}_* in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await connection.end();
  }
}

export async function pickSubjects(prefix: string): Promise<Subjects> {
  const connection = await createConnection({ uri: config.BENCH_MYSQL_URL });
  try {
    const one = async (sql: string) => {
      const [rows] = await connection.query(sql);
      return Object.values((rows as Record<string, string>[])[0] ?? {})[0] ?? '';
    };
    const community = '510116001001';
    const list = async (sql: string) => {
      const [rows] = await connection.query(sql);
      return (rows as Record<string, string>[]).map((row) => Object.values(row)[0] ?? '');
    };
    // A published activity that has not started, the community's own when it has one.
    const [activities] = await connection.query(
      `SELECT id, area_code FROM \`${prefix}_volunteers\`.activity WHERE area_code LIKE '510116001%' AND status = 'PUBLISHED' AND starts_at > UTC_TIMESTAMP()
       ORDER BY area_code LIKE '${community}%' DESC, capacity DESC, id LIMIT 1`,
    );
    const activity = (activities as { id: string; area_code: string }[])[0];
    const activityCommunity = activity ? activity.area_code.slice(0, 12) : community;
    return {
      street: '510116001',
      community,
      // A volunteer who lives in a building: the detail has a profile and a service card.
      personId: await one(
        `SELECT v.person_id FROM \`${prefix}_volunteers\`.volunteer v JOIN \`${prefix}_people\`.person p ON p.id = v.person_id WHERE v.area_code LIKE '${community}%' AND p.building_id IS NOT NULL ORDER BY v.id LIMIT 1`,
      ),
      gridId: await one(
        `SELECT id FROM \`${prefix}_grids\`.grid WHERE code LIKE '${community}%' AND type = 'MICRO' ORDER BY code LIMIT 1`,
      ),
      activityId: activity?.id ?? '',
      activityCommunity,
      volunteerIds: await list(
        `SELECT id FROM \`${prefix}_volunteers\`.volunteer WHERE area_code LIKE '${activityCommunity}%' ORDER BY id`,
      ),
    };
  } finally {
    await connection.end();
  }
}

export const FLOOR_QUERY: Record<string, (s: Subjects) => string> = {
  residents: (s) => `residents?area=${s.community}`,
  dashboard: (s) => `dashboard?code=${s.community}`,
  openEvents: (s) => `openEvents?area=${s.street}`,
  personDetail: (s) => `personDetail?id=${s.personId}`,
};

let writeSequence = 0;

export async function graphTarget(url: string, operation: Operation, subjects: Subjects): Promise<Target> {
  const token = await signDevToken(
    { subject: `bench-${operation.role.toLowerCase()}`, roles: [operation.role], scopes: operation.scope(subjects) },
    AUTH,
  );
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const nextWrite = () => {
    writeSequence += 1;
    return JSON.stringify(operation.body(subjects, writeSequence));
  };
  const body = operation.kind === 'write' ? nextWrite : JSON.stringify(operation.body(subjects, 0));
  return { url, method: 'POST', headers, body };
}
