/**
 * One measured load run: autocannon at a fixed concurrency for a fixed duration after a
 * warm-up, with every response's latency kept (for exact p50/p95/p99), the SQL statements
 * the subgraphs sent per request (from their /metrics), and the CPU and peak memory of the
 * processes under test (from /proc).
 */
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The request body: fixed, or made per request (writes need fresh values). */
  body?: string | (() => string);
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function run(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        connections,
        duration: seconds,
        headers: target.headers ?? {},
        ...(typeof target.body === 'string' ? { body: target.body } : {}),
        ...(typeof target.body === 'function'
          ? { requests: [{ setupRequest: (request) => ({ ...request, body: (target.body as () => string)() }) }] }
          : {}),
      },
      (error: Error | null, result: { duration: number }) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          rps: latencies.length / (result.duration || seconds),
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
    instance.on('reqError', () => {
      errors += 1;
    });
  });
}

/** One request to a target; a body made per request (writes) is made afresh. */
export async function sendOnce(target: Target): Promise<Response> {
  const body = typeof target.body === 'function' ? target.body() : target.body;
  return fetch(target.url, { method: target.method, headers: target.headers, ...(body ? { body } : {}) });
}

export async function warmUpAndMeasure(
  target: Target,
  connections: number,
  warmup: number,
  seconds: number,
  beforeMeasure?: () => Promise<void>,
): Promise<LoadResult> {
  if (warmup > 0) await run(target, connections, warmup);
  await beforeMeasure?.();
  return run(target, connections, seconds);
}

/**
 * SQL statements per request, counted on requests sent one at a time: under load the
 * requests still in flight when the timer stops ran their statements but are not counted,
 * which would inflate a ratio taken over the timed run.
 */
export async function statementsPerRequest(target: Target, metricsUrls: string[], requests = 5): Promise<number> {
  const send = async () => (await sendOnce(target)).text();
  await send();
  // Requests a load run left in flight (autocannon stops without waiting for them) may
  // still be sending statements: wait until the counters stand still.
  let before = await statementTotals(metricsUrls);
  for (let settled = 0; settled < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await statementTotals(metricsUrls);
    settled = now === before ? settled + 1 : 0;
    before = now;
  }
  for (let index = 0; index < requests; index += 1) await send();
  return Math.round((((await statementTotals(metricsUrls)) - before) / requests) * 10) / 10;
}

/**
 * CPU time per request of each group of process trees (e.g. our five services, and the
 * database server), over requests sent one at a time after one unmeasured request. Unlike
 * latency under load it does not depend on what else the machine runs; /proc counts in
 * ticks of 10 ms, so 100 requests give a resolution of 0.1 ms.
 */
export async function cpuPerRequest(
  target: Target,
  groups: Record<string, number[]>,
  requests = 100,
): Promise<Record<string, number>> {
  const send = async () => (await sendOnce(target)).text();
  const ticks = () =>
    Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [
        name,
        pids.flatMap(processTree).reduce((sum, pid) => sum + cpuTicks(pid), 0),
      ]),
    );
  await send();
  const before = ticks();
  for (let index = 0; index < requests; index += 1) await send();
  const after = ticks();
  return Object.fromEntries(
    Object.keys(groups).map((name) => [
      name,
      Math.round((((after[name] ?? 0) - (before[name] ?? 0)) * 10 * 10) / requests) / 10,
    ]),
  );
}

/** The database server's process on this machine, when it runs here (pid 0 when not found). */
export function databaseServerPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return 0;
}

/** Sum of SQL statements sent by each subgraph, read from its /metrics. */
export async function statementTotals(metricsUrls: string[]): Promise<number> {
  let total = 0;
  for (const url of metricsUrls) {
    const text = await (await fetch(url)).text();
    const match = /^sql_statements_total\{[^}]*\} (\d+)$/m.exec(text);
    total += Number(match?.[1] ?? 0);
  }
  return total;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process and its children (the cluster's workers). */
export function processTree(pid: number): number[] {
  return [pid, ...childPids(pid).flatMap((child) => processTree(child))];
}

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export interface ProcessFigures {
  /** CPU time over wall time, in % of one core, summed over the tree. */
  cpuPercent: number;
  /** Largest resident memory of any single process in the tree, sampled every 200 ms. */
  peakMemoryMB: number;
}

/** Samples the given process trees while `work` runs. */
export async function sampleWhile<T>(
  trees: Record<string, number>,
  work: () => Promise<T>,
): Promise<{ result: T; figures: Record<string, ProcessFigures> }> {
  const started = Date.now();
  const ticksBefore = Object.fromEntries(
    Object.entries(trees).map(([name, pid]) => [name, processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0)]),
  );
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(trees).map((name) => [name, 0]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(trees)) {
      for (const p of processTree(pid)) peaks[name] = Math.max(peaks[name] ?? 0, rssBytes(p));
    }
  }, 200);
  try {
    const result = await work();
    const seconds = (Date.now() - started) / 1000;
    const figures = Object.fromEntries(
      Object.entries(trees).map(([name, pid]) => {
        const ticks = processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0) - (ticksBefore[name] ?? 0);
        return [
          name,
          {
            cpuPercent: Math.round((ticks / 100 / seconds) * 100),
            peakMemoryMB: Math.round((peaks[name] ?? 0) / 1024 / 1024),
          },
        ];
      }),
    );
    return { result, figures };
  } finally {
    clearInterval(timer);
  }
}
