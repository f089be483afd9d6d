/**
 * `npm start`: the four subgraphs and the gateway as separate processes. Waits until all
 * are healthy, then prints the gateway URL, a street-level token and an example query.
 * Ctrl-C stops them all.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { signDevToken } from '../subgraphs/kit/src/auth.js';
import { commonConfig, parseConfig, port } from '../subgraphs/kit/src/config.js';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '../subgraphs/kit/src/subgraphs.js';
import { EXAMPLE_GRID_CODE, EXAMPLE_QUERY } from './example-query.js';
import { ProcessGroup, waitHealthy } from './processes.js';

const config = parseConfig(
  z.object({
    ...commonConfig,
    LOG_LEVEL: commonConfig.LOG_LEVEL.default('warn'),
    GATEWAY_PORT: port(GATEWAY_DEFAULT_PORT),
    PEOPLE_PORT: port(SUBGRAPHS[0].defaultPort),
    GRIDS_PORT: port(SUBGRAPHS[1].defaultPort),
    VOLUNTEERS_PORT: port(SUBGRAPHS[2].defaultPort),
    EVENTS_PORT: port(SUBGRAPHS[3].defaultPort),
    START_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(300),
  }),
);

const subgraphPort = (name: string) => config[`${name.toUpperCase()}_PORT` as 'PEOPLE_PORT'];
const gatewayUrl = `http://127.0.0.1:${config.GATEWAY_PORT}/graphql`;
const env = {
  ...process.env,
  LOG_LEVEL: config.LOG_LEVEL,
  // The gateway signs subgraph requests with it and the subgraphs check it: one value for
  // all five, fresh for each run unless set (production sets its own).
  SUBGRAPH_SHARED_SECRET: config.SUBGRAPH_SHARED_SECRET ?? randomBytes(32).toString('hex'),
  GRAPH_URL: process.env.GRAPH_URL ?? gatewayUrl,
  ...Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${subgraphPort(name)}/graphql`]),
  ),
};

const services = [
  ...SUBGRAPHS.map(({ name }) => ({
    name,
    entry: `subgraphs/${name}/src/main.ts`,
    health: `http://127.0.0.1:${subgraphPort(name)}/health`,
  })),
  { name: 'gateway', entry: 'gateway/src/main.ts', health: `http://127.0.0.1:${config.GATEWAY_PORT}/health` },
];

let stopping = false;
/** Restarts so far and the start time of each service, for its backoff. */
const lives = new Map<string, { restarts: number; startedAt: number }>();
const restartTimers = new Set<NodeJS.Timeout>();

function startService(service: (typeof services)[number]): void {
  lives.set(service.name, { restarts: lives.get(service.name)?.restarts ?? 0, startedAt: Date.now() });
  group.start(service, env);
}

/**
 * A service that dies is started again after 1 s, doubling to 30 s while it keeps dying
 * (a minute up resets it): the others keep serving, and the gateway finds it again.
 */
const group = new ProcessGroup((name, reason) => {
  const service = services.find((candidate) => candidate.name === name);
  const life = lives.get(name);
  if (stopping || !service || !life) return;
  const restarts = Date.now() - life.startedAt > 60_000 ? 1 : life.restarts + 1;
  const delaySeconds = Math.min(30, 2 ** (restarts - 1));
  lives.set(name, { ...life, restarts });
  process.stderr.write(`[${name}] 服务意外退出 (${reason})，${delaySeconds} 秒后重启（第 ${restarts} 次）\n`);
  const timer = setTimeout(() => {
    restartTimers.delete(timer);
    if (!stopping) startService(service);
  }, delaySeconds * 1000);
  restartTimers.add(timer);
});

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const timer of restartTimers) clearTimeout(timer);
  await group.stopAll();
  process.exit(exitCode);
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

console.log('启动中：四个子图与网关 (people, grids, volunteers, events, gateway)…');
const deadline = Date.now() + config.START_TIMEOUT_SECONDS * 1000;
try {
  for (const service of services.slice(0, 4)) startService(service);
  await Promise.all(services.slice(0, 4).map((service) => waitHealthy(service.health, deadline, () => stopping)));
  const gateway = services[4]!;
  startService(gateway);
  await waitHealthy(gateway.health, deadline, () => stopping);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await stopAll(1);
}

const token = await signDevToken(
  { subject: 'dev-street-admin', roles: ['STREET_ADMIN'], scopes: ['510116001'] },
  config,
);
const body = JSON.stringify({ query: EXAMPLE_QUERY, variables: { code: EXAMPLE_GRID_CODE } });
console.log(`
平台已就绪 / The platform is ready

  GraphQL:  http://localhost:${config.GATEWAY_PORT}/graphql
  令牌 token (STREET_ADMIN, 东升街道 510116001, 12 小时有效):

${token}

  示例查询 / example query (a grid with its staff, residents, events and activities):

curl -s http://localhost:${config.GATEWAY_PORT}/graphql \\
  -H 'content-type: application/json' \\
  -H 'authorization: Bearer ${token}' \\
  -d '${body.replaceAll("'", "'\\''")}'

  Other tokens: npm run -s token -- --role COMMUNITY_WORKER --scope 510116001001
  按 Ctrl-C 停止 / Ctrl-C stops everything.
`);
