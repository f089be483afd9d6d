import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/database.js';
import { signedFor, tokenFor } from '../support/graphql.js';
import { type ChildService, freePort, startChildService } from './child-service.js';

const folder = mkdtempSync(join(tmpdir(), 'self-healing-'));
const children: ChildService[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const child of children) await child.stop();
  for (const cleanup of cleanups) await cleanup();
  rmSync(folder, { recursive: true, force: true });
});

const RETRY_LINE = /database not reachable yet; retrying/;

/** Forwards 127.0.0.1:<port> to the real MySQL server once `open` is called: before, the port is closed. */
async function lateProxy(target: URL): Promise<{ port: number; forwarded: () => number; open: () => void }> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let forwarded = 0;
  let server: Server | undefined;
  const open = () => {
    server = createServer((client) => {
      forwarded += 1;
      const upstream = createConnection(Number(target.port || 3306), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    }).listen(port, '127.0.0.1');
  };
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });
  return { port, forwarded: () => forwarded, open };
}

describe('self-healing start', () => {
  it('a service whose database port is closed retries with one line per attempt, then exits 1 with one line', async () => {
    const closed = await freePort();
    const service = startChildService('subgraphs/grids/src/main.ts', {
      GRIDS_PORT: '0',
      GRIDS_DATABASE_URL: `mysql://root@127.0.0.1:${closed}/grids_unreachable`,
      DATABASE_CONNECT_TIMEOUT_SECONDS: '3',
    });
    children.push(service);
    const code = await service.exited;
    const lines = [...service.stdout, ...service.stderr];
    const retries = lines.filter((line) => RETRY_LINE.test(line));
    const errors = lines.filter((line) => !RETRY_LINE.test(line));
    console.log(`closed database port: ${retries.length} retry lines, ${errors.length} other line(s), exit ${code}`);
    expect(code).toBe(1);
    expect(retries.length).toBeGreaterThanOrEqual(2);
    for (const line of retries) expect(line).toMatch(/"attempt":\d+,"reason":"ECONNREFUSED/);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/unreachable after \d+ attempts in 3 s \(ECONNREFUSED.*giving up/);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!process.env.TEST_MYSQL_URL)(
    'a service whose database comes up 2 s late waits for it, then serves',
    async () => {
      const base = new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
      const proxy = await lateProxy(base);
      const database = freshDatabaseUrl('late');
      cleanups.push(database.drop);
      const url = new URL(database.url);
      url.host = `127.0.0.1:${proxy.port}`;
      const service = startChildService('subgraphs/grids/src/main.ts', {
        GRIDS_PORT: '0',
        GRIDS_DATABASE_URL: url.toString(),
        DATABASE_CONNECT_TIMEOUT_SECONDS: '30',
        DEMO_RESIDENTS: '300',
      });
      children.push(service);
      // The database comes up 2 s after the service first found it missing.
      await service.waitForLine(RETRY_LINE);
      setTimeout(proxy.open, 2000);
      const ready = await service.waitForLine(/grids subgraph ready/);
      const graphUrl = (JSON.parse(ready) as { url: string }).url;
      const retries = service.stdout.filter((line) => RETRY_LINE.test(line)).length;
      const body = JSON.stringify({ query: '{ gridByCode(code: "510116001001001") { code } }' });
      const token = await tokenFor('STREET_ADMIN', ['510116001']);
      const response = await fetch(graphUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...signedFor(graphUrl, body) },
        body,
      });
      const answer = (await response.json()) as { data?: { gridByCode?: { code: string } } };
      console.log(`late database: ${retries} retry lines, then ready; ${proxy.forwarded()} connections forwarded`);
      expect(retries).toBeGreaterThanOrEqual(1);
      expect(proxy.forwarded()).toBeGreaterThan(0);
      expect(answer.data?.gridByCode?.code).toBe('510116001001001');
    },
  );

  it('a port that fetch refuses is refused by the config with one line', () => {
    const grids = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/grids/src/main.ts'], {
      env: { ...process.env, GRIDS_PORT: '6000' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(grids.status).toBe(1);
    expect(grids.stderr.trim()).toBe(
      'config error: GRIDS_PORT: is on the list of ports fetch refuses (Node cannot call it); choose another port',
    );
    const gateway = spawnSync(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      env: { ...process.env, GATEWAY_PORT: '0', PEOPLE_URL: 'http://127.0.0.1:6667/graphql' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(gateway.status).toBe(1);
    expect(gateway.stderr.trim()).toMatch(/^config error: PEOPLE_URL: port is on the list of ports fetch refuses/);
    expect(gateway.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('npm start restarts a subgraph killed with SIGKILL, says which one, and the platform answers again', async () => {
    const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    const [gatewayPort, peoplePort, gridsPort, volunteersPort, eventsPort] = ports as [
      number,
      number,
      number,
      number,
      number,
    ];
    const databases = Object.fromEntries(
      ['PEOPLE', 'GRIDS', 'VOLUNTEERS', 'EVENTS'].map((name) => {
        if (!process.env.TEST_MYSQL_URL) return [`${name}_DATABASE_URL`, `sqlite:${join(folder, `${name}.sqlite`)}`];
        const fresh = freshDatabaseUrl(`start_${name.toLowerCase()}`);
        cleanups.push(fresh.drop);
        return [`${name}_DATABASE_URL`, fresh.url];
      }),
    );
    const platform = startChildService('scripts/start.ts', {
      ...databases,
      GATEWAY_PORT: String(gatewayPort),
      PEOPLE_PORT: String(peoplePort),
      GRIDS_PORT: String(gridsPort),
      VOLUNTEERS_PORT: String(volunteersPort),
      EVENTS_PORT: String(eventsPort),
      DEMO_RESIDENTS: '300',
      LOG_LEVEL: 'warn',
    });
    children.push(platform);
    await platform.waitForLine(/平台已就绪/, 170_000);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const token = await tokenFor('STREET_ADMIN', ['510116001']);
    const ask = async () => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ people(first: 5) { totalCount } }' }),
      });
      const answer = (await response.json()) as { data?: { people?: { totalCount: number } } | null };
      return answer.data?.people?.totalCount ?? null;
    };
    const before = await ask();
    expect(before).toBeGreaterThan(0);

    const people = childPid(platform.child.pid ?? 0, 'subgraphs/people/src/main.ts');
    process.kill(people, 'SIGKILL');
    const restartLine = await platform.waitForLine(/^\[people\] 服务意外退出/);
    // The rest of the platform keeps running while people comes back.
    const health = (await fetch(`http://127.0.0.1:${gridsPort}/health`)).status;
    let after: number | null = null;
    for (let attempt = 0; attempt < 240 && after === null; attempt += 1) {
      after = await ask().catch(() => null);
      if (after === null) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const restarted = childPid(platform.child.pid ?? 0, 'subgraphs/people/src/main.ts');
    console.log(`npm start: "${restartLine}"; people ${people} -> ${restarted}; answered ${before} then ${after}`);
    expect(restartLine).toBe('[people] 服务意外退出 (SIGKILL)，1 秒后重启（第 1 次）');
    expect(health).toBe(200);
    expect(restarted).not.toBe(people);
    expect(after).toBe(before);
    expect(platform.child.exitCode).toBeNull();
  });
});

/** The pid of the launcher's child running `entry`. */
function childPid(parent: number, entry: string): number {
  const pids = execFileSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  const pid = pids.find((candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes(entry);
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error(`no child of ${parent} runs ${entry}`);
  return pid;
}
