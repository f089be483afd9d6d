import { createServer, type Server, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GRID_CODE } from '../../scripts/example-query.js';
import { GridOverviewDocument } from '../generated/graphql.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';

/**
 * A volunteers "subgraph" that accepts connections and never answers (a bare TCP server in
 * place of its URL), under 100 overview queries at once: the gateway holds at most
 * SUBGRAPH_MAX_SOCKETS sockets to it, the circuit opens after SUBGRAPH_BREAKER_FAILURES
 * timeouts, and from then on requests fail fast without touching it.
 */
const MAX_SOCKETS = 4;
const BREAKER_FAILURES = 4;
const WAITING = 100;
const AFTER_OPEN = 20;

const logLines: string[] = [];
const gatewayLogger = pino({ name: 'gateway', level: 'info' }, { write: (line: string) => void logLines.push(line) });
const stalled = { accepted: 0, open: 0, mostOpen: 0 };
const sockets = new Set<Socket>();
let silent: Server;
let platform: Platform;
let token: string;

beforeAll(async () => {
  silent = createServer((socket) => {
    stalled.accepted += 1;
    stalled.open += 1;
    stalled.mostOpen = Math.max(stalled.mostOpen, stalled.open);
    sockets.add(socket);
    socket.on('data', () => {}); // reads the request, answers nothing
    // Counted closed at its first sign of ending: 'close' comes a loop turn after the next
    // connection the gateway opens in its place.
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      stalled.open -= 1;
      sockets.delete(socket);
    };
    socket.on('end', end);
    socket.on('error', end);
    socket.on('close', end);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  platform = await startPlatform(
    {
      VOLUNTEERS_URL: `http://127.0.0.1:${address.port}/graphql`,
      SUBGRAPH_MAX_SOCKETS: String(MAX_SOCKETS),
      // Long enough for the real subgraphs to answer 100 overviews at once on a busy machine.
      SUBGRAPH_TIMEOUT_MS: '10000',
      SUBGRAPH_BREAKER_FAILURES: String(BREAKER_FAILURES),
      // Longer than the test: once open, the circuit stays open.
      SUBGRAPH_BREAKER_COOLDOWN_MS: '600000',
    },
    { gatewayLogger },
  );
  token = await tokenFor('STREET_ADMIN', ['510116001']);
});

afterAll(async () => {
  await platform?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent?.close(() => resolve()));
});

interface Counts {
  sent: number;
  ok: number;
  partial: number;
  failed: number;
}

async function overviews(count: number): Promise<Counts> {
  const counts: Counts = { sent: count, ok: 0, partial: 0, failed: 0 };
  const answers = await Promise.all(
    Array.from({ length: count }, () =>
      graphql(platform.gatewayUrl, GridOverviewDocument, { token, variables: { code: EXAMPLE_GRID_CODE } }),
    ),
  );
  for (const { data, errors } of answers) {
    if (!data?.gridByCode) counts.failed += 1;
    else if (errors?.length) counts.partial += 1;
    else counts.ok += 1;
    expect(data?.gridByCode?.activities ?? null).toBeNull();
    expect(data?.gridByCode?.residents?.totalCount).toBeGreaterThan(0);
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', service: 'volunteers' });
      expect(error.path?.[0]).toBe('gridByCode');
    }
    expect(errors?.some((error) => error.path?.join('.') === 'gridByCode.activities')).toBe(true);
  }
  return counts;
}

describe('a subgraph that accepts connections and never answers', () => {
  it(`costs at most ${MAX_SOCKETS} sockets while ${WAITING} requests wait, and each comes back partial`, async () => {
    const counts = await overviews(WAITING);
    console.info(
      `stalled volunteers, ${WAITING} at once: ${JSON.stringify(counts)}; sockets accepted ${stalled.accepted}, most open at once ${stalled.mostOpen}`,
    );
    expect(stalled.mostOpen).toBeGreaterThan(0);
    expect(stalled.mostOpen).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(counts).toEqual({ sent: WAITING, ok: 0, partial: WAITING, failed: 0 });
  });

  it('fails fast once the circuit is open: no new socket to the stalled subgraph', async () => {
    const accepted = stalled.accepted;
    const counts = await overviews(AFTER_OPEN);
    console.info(
      `circuit open, ${AFTER_OPEN} more: ${JSON.stringify(counts)}; new sockets ${stalled.accepted - accepted}`,
    );
    expect(stalled.accepted - accepted).toBe(0);
    expect(counts).toEqual({ sent: AFTER_OPEN, ok: 0, partial: AFTER_OPEN, failed: 0 });
  });

  it('logs the timeouts at warn, one line each and no stack, and the circuit opening once', () => {
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.join('\n')).not.toMatch(/"stack"|\n\s+at |\\n\s+at /);
    expect(entries.filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    const timeouts = entries.filter((entry) => entry.msg === 'subgraph unavailable');
    expect(timeouts.length).toBeGreaterThanOrEqual(BREAKER_FAILURES);
    expect(timeouts.length).toBeLessThanOrEqual(stalled.accepted);
    for (const entry of timeouts) expect(entry).toMatchObject({ level: 40, service: 'volunteers', reason: 'timeout' });
    const opened = entries.filter((entry) => entry.msg === 'subgraph circuit opened: failing its requests fast');
    expect(opened).toHaveLength(1);
  });
});
