import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/database.js';
import { signedFor, tokenFor } from '../support/graphql.js';
import { type ChildService, startChildService } from './child-service.js';

const BURST = 80;
// Long enough for a loaded two-core machine; what is checked is that nothing was cut and the exit came before it.
const GRACE_SECONDS = 30;
const QUERY = '{ people(first: 100) { totalCount edges { node { id name gender } } } }';

const folder = mkdtempSync(join(tmpdir(), 'draining-'));
const drops: (() => Promise<void>)[] = [];
const children: ChildService[] = [];

afterAll(async () => {
  for (const child of children) await child.stop();
  for (const drop of drops) await drop();
  rmSync(folder, { recursive: true, force: true });
});

function databaseUrl(label: string): string {
  const fresh = freshDatabaseUrl(label);
  drops.push(fresh.drop);
  return process.env.TEST_MYSQL_URL ? fresh.url : `sqlite:${join(folder, `${label}.sqlite`)}`;
}

async function startPeople(): Promise<{ service: ChildService; url: string }> {
  const service = startChildService('subgraphs/people/src/main.ts', {
    PEOPLE_PORT: '0',
    PEOPLE_DATABASE_URL: databaseUrl('drain'),
    DEMO_RESIDENTS: '600',
    DEMO_SEED: '7',
    SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
  });
  children.push(service);
  const ready = await service.waitForLine(/people subgraph ready/);
  return { service, url: (JSON.parse(ready) as { url: string }).url };
}

/** A request line without its closing blank line: the server has begun reading it, so it is not idle. */
function halfSentRequest(url: string, path: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    answer += chunk;
  });
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  socket.on('error', () => {});
  return {
    open: async () => {
      await connected;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n`);
    },
    finish: () => {
      socket.write('\r\n');
      return closed;
    },
  };
}

/** Waits until the service has accepted this many connections (its /metrics counter), so none waits in the backlog. */
async function acceptedAtLeast(url: string, count: number): Promise<void> {
  for (;;) {
    const metrics = await (await fetch(new URL('/metrics', url))).text();
    const accepted = Number(/^http_connections_accepted_total (\d+)$/m.exec(metrics)?.[1] ?? 0);
    if (accepted >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A signed GraphQL POST over its own connection whose body is sent in two halves: `finish` sends the rest. */
function slowRequest(url: string, body: string, token: string) {
  const half = Math.floor(body.length / 2);
  const request = httpRequest(url, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
      ...signedFor(url, body),
    },
  });
  const outcome = new Promise<'ok' | 'failed'>((resolve) => {
    request.on('error', () => resolve('failed'));
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('error', () => resolve('failed'));
      response.on('end', () => {
        try {
          const answer = JSON.parse(text) as { data?: { people?: { totalCount: number } }; errors?: unknown[] };
          const ok = response.statusCode === 200 && !answer.errors && (answer.data?.people?.totalCount ?? 0) > 0;
          resolve(ok ? 'ok' : 'failed');
        } catch {
          resolve('failed');
        }
      });
    });
  });
  const halfSent = new Promise<void>((resolve) => {
    request.once('socket', (socket) => {
      const write = () => request.write(body.slice(0, half), () => resolve());
      if (socket.connecting) socket.once('connect', write);
      else write();
    });
  });
  return { halfSent, outcome, finish: () => request.end(body.slice(half)) };
}

describe('draining shutdown', () => {
  it('a subgraph sent SIGTERM during a burst of 80 requests answers every one it accepted, says draining on /health, and exits 0', async () => {
    const { service, url } = await startPeople();
    await burstThenSigterm('subgraph', service, url);
  });

  it('the gateway sent SIGTERM during a burst of 80 requests answers every one it accepted, says draining on /health, and exits 0', async () => {
    const people = await startPeople();
    const gateway = startChildService('gateway/src/main.ts', {
      GATEWAY_PORT: '0',
      PEOPLE_URL: people.url,
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    children.push(gateway);
    const ready = await gateway.waitForLine(/gateway ready/);
    await burstThenSigterm('gateway', gateway, (JSON.parse(ready) as { url: string }).url);
    // The subgraph behind it was not disturbed.
    expect(people.service.child.exitCode).toBeNull();
  });
});

async function burstThenSigterm(label: string, service: ChildService, url: string): Promise<void> {
  const token = await tokenFor('STREET_ADMIN', ['510116001']);
  const body = JSON.stringify({ query: QUERY });
  const health = halfSentRequest(url, '/health');
  await health.open();

  // Each request sends its headers and half its body now, the rest once the service drains:
  // all 80 are accepted and in flight when SIGTERM lands.
  const requests = Array.from({ length: BURST }, () => slowRequest(url, body, token));
  await Promise.all(requests.map((request) => request.halfSent));
  await acceptedAtLeast(url, BURST + 1);
  const signalled = Date.now();
  service.child.kill('SIGTERM');
  // (Before draining existed, the process was gone by now: the counts below say what that cost.)
  await service.waitForLine(/draining/).catch(() => {});
  for (const request of requests) request.finish();
  const healthAnswer = await health.finish();
  const results = await Promise.all(requests.map((request) => request.outcome));
  const code = await service.exited;
  const seconds = (Date.now() - signalled) / 1000;

  const ok = results.filter((result) => result === 'ok').length;
  const failed = results.length - ok;
  const stopped = service.stdout.find((line) => line.includes('"msg":"stopped"')) ?? '{}';
  const { finished, cut } = JSON.parse(stopped) as { finished?: number; cut?: number };
  console.log(
    `draining ${label}: sent ${BURST}, ok ${ok}, failed ${failed}; finished while draining ${finished} (with /health), cut ${cut}; exit ${code} after ${seconds} s`,
  );
  expect({ sent: results.length, ok, failed }).toEqual({ sent: BURST, ok: BURST, failed: 0 });
  expect(healthAnswer).toMatch(/^HTTP\/1\.1 503 /);
  expect(healthAnswer).toContain('"status":"draining"');
  expect(code).toBe(0);
  expect(seconds).toBeLessThan(GRACE_SECONDS);
  // The signal came while the burst was running: it finished during the drain, none was cut.
  expect(finished).toBe(BURST + 1);
  expect(cut).toBe(0);
}
