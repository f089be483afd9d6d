/**
 * `npm run bench`: fills fresh MariaDB databases at street scale, starts the five services
 * in production mode, and measures the operations of bench/operations.ts against our
 * gateway, the raw-SQL floor and Hive Gateway, then the growth from 10,000 to 1,000,000
 * residents. Prints a table and writes bench/results/<time>.json and latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { SUBGRAPHS } from '../subgraphs/kit/src/subgraphs.js';
import { benchConfig as config } from './config.js';
import {
  cpuPerRequest,
  databaseServerPid,
  sendOnce,
  statementsPerRequest,
  sampleWhile,
  warmUpAndMeasure,
  type LoadResult,
  type ProcessFigures,
  type Target,
} from './load.js';
import { describeMachine, sizeBufferPool } from './machine.js';
import { OPERATIONS as ALL_OPERATIONS } from './operations.js';
import {
  FLOOR,
  FLOOR_QUERY,
  GATEWAY,
  PEER,
  fill,
  graphTarget,
  log,
  pickSubjects,
  startStack,
  subgraphUrl,
  type Stack,
} from './stack.js';

/**
 * One request first: an operation that errors is reported, not timed. A write's user
 * error (an enrolment refused once the activity is full) is an answer the mix times.
 */
async function check(target: Target, userErrorsAnswer = false): Promise<string | null> {
  const response = await sendOnce(target);
  const text = await response.text();
  if (!response.ok) return `HTTP ${response.status}: ${text.slice(0, 200)}`;
  const parsed = JSON.parse(text) as {
    errors?: { message: string }[];
    data?: Record<string, { userErrors?: { message: string }[] }>;
  };
  if (parsed.errors?.length) return parsed.errors[0]?.message ?? 'error';
  const userErrors = Object.values(parsed.data ?? {}).flatMap((value) => value?.userErrors ?? []);
  return userErrors.length && !userErrorsAnswer ? `userErrors: ${userErrors[0]?.message}` : null;
}

interface Row {
  operation: string;
  connections: number;
  ours: LoadResult & { statementsPerRequest: number; gateway: ProcessFigures; subgraphPeakMB: Record<string, number> };
  /** CPU ms per request, requests sent one at a time: our five services, the floor's server, and the database under each. */
  cpu?: {
    ours: number;
    byService: Record<string, number>;
    oursDatabase: number;
    floor?: number;
    floorDatabase?: number;
  };
  floor?: LoadResult;
  peer?: LoadResult;
  error?: string;
}

const OPERATIONS = config.BENCH_OPERATIONS
  ? ALL_OPERATIONS.filter((operation) => config.BENCH_OPERATIONS?.includes(operation.name))
  : ALL_OPERATIONS;
const GROWN = OPERATIONS.filter((operation) => ALL_OPERATIONS.slice(0, 3).includes(operation));

const metrics = SUBGRAPHS.map((_, index) => `${subgraphUrl(index)}/metrics`);
/** Our five services, as `Stack.pids` names them. */
const SERVICES = ['gateway', ...SUBGRAPHS.map((subgraph) => subgraph.name)];

async function measureOurs(stack: Stack, target: Target, connections: number): Promise<Row['ours']> {
  const statements = await statementsPerRequest(target, metrics);
  const trees = Object.fromEntries(SERVICES.map((name) => [name, stack.pids[name] ?? 0]));
  const { result, figures } = await sampleWhile(trees, () =>
    warmUpAndMeasure(target, connections, config.BENCH_WARMUP_SECONDS, config.BENCH_DURATION_SECONDS),
  );
  return {
    ...result,
    statementsPerRequest: statements,
    gateway: figures.gateway ?? { cpuPercent: 0, peakMemoryMB: 0 },
    subgraphPeakMB: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, figures[name]?.peakMemoryMB ?? 0])),
  };
}

async function measureStreet(prefix: string): Promise<Row[]> {
  const stack = await startStack(prefix, true);
  const database = databaseServerPid();
  const rows: Row[] = [];
  try {
    const subjects = await pickSubjects(prefix);
    for (const operation of OPERATIONS) {
      const ours = await graphTarget(`http://127.0.0.1:${GATEWAY}/graphql`, operation, subjects);
      const error = await check(ours, operation.kind === 'write');
      if (error) {
        log(`${operation.name}: ${error}`);
        rows.push({ operation: operation.name, connections: 0, error } as Row);
        continue;
      }
      for (const connections of config.BENCH_CONNECTIONS) {
        log(`${operation.name} at ${connections} connections`);
        const row: Row = { operation: operation.name, connections, ours: await measureOurs(stack, ours, connections) };
        if (operation.kind === 'read') {
          const floorPath = FLOOR_QUERY[operation.name];
          const floorTarget: Target | undefined = floorPath && {
            url: `http://127.0.0.1:${FLOOR}/${floorPath(subjects)}`,
            method: 'GET',
          };
          if (floorTarget)
            row.floor = await warmUpAndMeasure(
              floorTarget,
              connections,
              config.BENCH_WARMUP_SECONDS,
              config.BENCH_DURATION_SECONDS,
            );
          if (connections === config.BENCH_CONNECTIONS[0]) {
            const { database: oursDatabase = 0, ...byService } = await cpuPerRequest(ours, {
              ...Object.fromEntries(SERVICES.map((name) => [name, [stack.pids[name] ?? 0]])),
              database: [database],
            });
            const floors = floorTarget
              ? await cpuPerRequest(floorTarget, { floor: [stack.pids.floor ?? 0], database: [database] })
              : undefined;
            const total = Math.round(Object.values(byService).reduce((sum, ms) => sum + ms, 0) * 10) / 10;
            row.cpu = {
              ours: total,
              byService,
              oursDatabase,
              ...(floors ? { floor: floors.floor ?? 0, floorDatabase: floors.database ?? 0 } : {}),
            };
          }
          const peer = await graphTarget(`http://127.0.0.1:${PEER}/graphql`, operation, subjects);
          const peerError = await check(peer);
          if (peerError) log(`peer ${operation.name}: ${peerError}`);
          else
            row.peer = await warmUpAndMeasure(
              peer,
              connections,
              config.BENCH_WARMUP_SECONDS,
              config.BENCH_DURATION_SECONDS,
            );
        }
        rows.push(row);
      }
    }
  } finally {
    await stack.group.stopAll();
  }
  return rows;
}

type GrowthFigures = LoadResult & { statementsPerRequest: number; cpuMsPerRequest: number };

async function measureGrowth(prefix: string): Promise<Record<string, GrowthFigures>> {
  const stack = await startStack(prefix, false);
  const connections = Math.max(...config.BENCH_CONNECTIONS);
  const figures: Record<string, GrowthFigures> = {};
  const everything = [...SERVICES.map((name) => stack.pids[name] ?? 0), databaseServerPid()];
  try {
    const subjects = await pickSubjects(prefix);
    for (const operation of GROWN) {
      log(`growth ${prefix}: ${operation.name}`);
      const target = await graphTarget(`http://127.0.0.1:${GATEWAY}/graphql`, operation, subjects);
      const ours = await measureOurs(stack, target, connections);
      // The work a request costs, services and database together, free of the queueing
      // that dominates p50 at 50 connections on two cores.
      const { all = 0 } = await cpuPerRequest(target, { all: everything });
      figures[operation.name] = {
        requests: ours.requests,
        rps: ours.rps,
        p50: ours.p50,
        p95: ours.p95,
        p99: ours.p99,
        errors: ours.errors,
        statementsPerRequest: ours.statementsPerRequest,
        cpuMsPerRequest: all,
      };
    }
  } finally {
    await stack.group.stopAll();
  }
  return figures;
}

const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);

function printTable(rows: Row[], growth: Record<number, Record<string, GrowthFigures>>): string {
  const lines: string[] = [];
  lines.push(
    '| operation | conns | rps | p50 ms | p95 ms | p99 ms | errors | SQL/req | gateway CPU % | gateway peak MB | subgraph peak MB | floor p50 | p50 / floor | peer rps | rps / peer |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    if (row.error) {
      lines.push(`| ${row.operation} | – | error: ${row.error.replaceAll('|', '/')} |||||||||||||`);
      continue;
    }
    const o = row.ours;
    lines.push(
      `| ${row.operation} | ${row.connections} | ${fixed(o.rps, 0)} | ${fixed(o.p50)} | ${fixed(o.p95)} | ${fixed(o.p99)} | ${o.errors} | ${o.statementsPerRequest} | ${o.gateway.cpuPercent} | ${o.gateway.peakMemoryMB} | ${Math.max(...Object.values(o.subgraphPeakMB))} | ${fixed(row.floor?.p50)} | ${row.floor ? fixed(o.p50 / row.floor.p50, 2) : '–'} | ${fixed(row.peer?.rps, 0)} | ${row.peer ? fixed(o.rps / row.peer.rps, 2) : '–'} |`,
    );
  }
  const costed = rows.filter((row) => row.cpu);
  if (costed.length) {
    lines.push(
      '',
      `| CPU ms per request, sent one at a time | our services | ${SERVICES.join(' / ')} | database under ours | floor server | database under floor | ours / floor, all CPU |`,
    );
    lines.push('|---|---|---|---|---|---|---|');
    for (const { operation, cpu } of costed) {
      if (!cpu) continue;
      const floorTotal = cpu.floor === undefined ? undefined : cpu.floor + (cpu.floorDatabase ?? 0);
      lines.push(
        `| ${operation} | ${fixed(cpu.ours)} | ${SERVICES.map((name) => fixed(cpu.byService[name])).join(' / ')} | ${fixed(cpu.oursDatabase)} | ${fixed(cpu.floor)} | ${fixed(cpu.floorDatabase)} | ${floorTotal ? fixed((cpu.ours + cpu.oursDatabase) / floorTotal) : '–'} |`,
      );
    }
  }
  const sizes = Object.keys(growth)
    .map(Number)
    .sort((a, b) => a - b);
  if (sizes.length > 1) {
    lines.push(
      '',
      `| growth (p50 ms at ${Math.max(...config.BENCH_CONNECTIONS)} conns) | ${sizes.map((size) => `${size.toLocaleString('en')} residents`).join(' | ')} | largest / smallest | SQL/req at each size | CPU ms/req at each size, services + database | largest / smallest |`,
    );
    lines.push(`|---|${sizes.map(() => '---').join('|')}|---|---|---|---|`);
    for (const operation of GROWN) {
      const at = (size: number) => growth[size]?.[operation.name];
      const p50s = sizes.map((size) => at(size)?.p50 ?? Number.NaN);
      const cpu = sizes.map((size) => at(size)?.cpuMsPerRequest ?? Number.NaN);
      const sql = sizes.map((size) => at(size)?.statementsPerRequest ?? '–').join(' / ');
      const ratio = (values: number[]) => fixed((values[values.length - 1] ?? 0) / (values[0] ?? 1), 2);
      lines.push(
        `| ${operation.name} | ${p50s.map((p) => fixed(p)).join(' | ')} | ${ratio(p50s)} | ${sql} | ${cpu.map((c) => fixed(c)).join(' / ')} | ${ratio(cpu)} |`,
      );
    }
  }
  return lines.join('\n');
}

const restoreBufferPool = await sizeBufferPool(config.BENCH_MYSQL_URL, config.BENCH_BUFFER_POOL_MB);
const machine = await describeMachine(config.BENCH_MYSQL_URL);
log(`machine: ${JSON.stringify(machine)}`);
const at = new Date().toISOString();
const fillSeconds: Record<number, number> = {};
const growth: Record<number, Record<string, GrowthFigures>> = {};
let rows: Row[] = [];

/** Writes the figures so far: a run cut short (a fill that never ends) still leaves what it measured. */
function report(): { table: string; fillLine: string } {
  const table = printTable(rows, growth);
  const fillLine = Object.entries(fillSeconds)
    .map(([size, seconds]) => `${Number(size).toLocaleString('en')} residents in ${seconds.toFixed(1)} s`)
    .join(', ');
  const json = `${JSON.stringify(
    {
      at,
      machine,
      settings: {
        duration: config.BENCH_DURATION_SECONDS,
        warmup: config.BENCH_WARMUP_SECONDS,
        connections: config.BENCH_CONNECTIONS,
        gatewayWorkers: config.BENCH_GATEWAY_WORKERS,
      },
      fillSeconds,
      rows,
      growth,
    },
    null,
    2,
  )}\n`;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${at.replaceAll(':', '-').slice(0, 19)}.json`, json);
  writeFileSync('bench/results/latest.json', json);
  writeFileSync(
    'bench/results/latest.md',
    `Measured ${at.slice(0, 16)} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, MariaDB ${machine.mariadb} (buffer pool ${machine.bufferPoolMB} MB). Filled ${fillLine}.\n\n${table}\n`,
  );
  return { table, fillLine };
}

const streetPrefix = `bench_${config.BENCH_STREET}`;
try {
  fillSeconds[config.BENCH_STREET] = await fill(config.BENCH_STREET, streetPrefix);
  rows = await measureStreet(streetPrefix);
  report();
  if (!config.BENCH_SKIP_GROWTH) {
    for (const size of config.BENCH_GROWTH) {
      const prefix = `bench_${size}`;
      if (size !== config.BENCH_STREET) fillSeconds[size] = await fill(size, prefix);
      growth[size] = await measureGrowth(prefix);
      report();
    }
  }
} finally {
  await restoreBufferPool();
}
const { table, fillLine } = report();
console.log(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, MariaDB ${machine.mariadb} (buffer pool ${machine.bufferPoolMB} MB)`,
);
console.log(`Fill: ${fillLine}\n`);
console.log(table);
