import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher, SubgraphUnavailableError } from '../../gateway/src/subgraph-fetcher.js';
import { SIGNATURE_HEADER, signatureProblem, TIMESTAMP_HEADER } from '../../subgraphs/kit/src/gateway-signature.js';

let server: Server;
let base: string;
let connections = 0;
let openConnections = 0;
let mostOpenConnections = 0;
const client = createSubgraphFetcher({ timeoutMs: 300 });
const SECRET = 'a-test-secret-for-the-subgraph-signature';
const signing = createSubgraphFetcher({ secret: SECRET, maxResponseBytes: 100_000 });

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/silent') return; // never answers
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { pad: 'x'.repeat(200_000) } }));
        return;
      }
      if (req.url?.startsWith('/signed')) {
        const problem = signatureProblem(
          {
            method: req.method ?? '',
            path: req.url,
            body,
            signature: req.headers[SIGNATURE_HEADER] as string | undefined,
            timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
          },
          SECRET,
        );
        res.writeHead(problem ? 401 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ problem }));
        return;
      }
      const status = req.url === '/broken' ? 500 : req.url === '/draining' ? 503 : 200;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-seen-authorization': req.headers.authorization ?? '',
      });
      res.end(JSON.stringify({ data: { echo: body, length: req.headers['content-length'] } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    connections += 1;
    openConnections += 1;
    mostOpenConnections = Math.max(mostOpenConnections, openConnections);
    // Counted closed at its first sign of ending: 'close' comes a loop turn after the next
    // connection the client opens in its place.
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      openConnections -= 1;
    };
    socket.on('end', end);
    socket.on('error', end);
    socket.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  client.close();
  signing.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the gateway client to the subgraphs', () => {
  it('sends the body and headers and reads status, headers and JSON back', async () => {
    const body = JSON.stringify({ query: '{ 人口 }' });
    const response = await client.fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body,
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-seen-authorization')).toBe('Bearer t');
    expect(response.headers.get('x-missing')).toBeNull();
    // The length counts UTF-8 bytes, not characters.
    expect(await response.json()).toEqual({ data: { echo: body, length: String(Buffer.byteLength(body)) } });
  });

  it('reports a failing status as not ok, with its body readable', async () => {
    const response = await client.fetcher(`${base}/broken`, { body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('echo');
  });

  it('reuses one connection for requests in a row', async () => {
    await client.fetcher(`${base}/graphql`, { body: '{}' });
    const before = connections;
    for (let request = 0; request < 10; request += 1) await client.fetcher(`${base}/graphql`, { body: '{}' });
    expect(connections - before).toBe(0);
  });

  it('fails a request the subgraph never answers instead of waiting forever', async () => {
    await expect(client.fetcher(`${base}/silent`, { body: '{}' })).rejects.toThrow(/did not answer within 300 ms/);
  });

  it('signs every request over its method, path and body when given the shared secret', async () => {
    const signed = await signing.fetcher(`${base}/signed?x=1`, { body: '{"query":"{ 人口 }"}' });
    expect(await signed.json()).toEqual({ problem: null });
    expect(signed.status).toBe(200);
    const unsigned = await client.fetcher(`${base}/signed?x=1`, { body: '{"query":"{ 人口 }"}' });
    expect(await unsigned.json()).toEqual({ problem: 'missing timestamp' });
  });

  it('fails a subgraph answer larger than its limit instead of holding it', async () => {
    await expect(signing.fetcher(`${base}/huge`, { body: '{}' })).rejects.toThrow(/over 100000 bytes/);
    expect((await client.fetcher(`${base}/huge`, { body: '{}' })).ok).toBe(true);
  });

  it('fails a request to a subgraph that is down', async () => {
    await expect(client.fetcher('http://127.0.0.1:1/graphql', { body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('fails a 502, 503 or 504 as the subgraph being unavailable, naming the subgraph', async () => {
    const error = await client
      .fetcherFor('events')(`${base}/draining`, { body: '{}' })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(SubgraphUnavailableError);
    expect(error).toMatchObject({ service: 'events', reason: 'bad-gateway' });
  });
});

describe('the limits the gateway keeps per subgraph', () => {
  const unavailable = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof SubgraphUnavailableError ? error.reason : String(error)),
    );

  it('opens at most maxSockets sockets to a silent subgraph while more requests wait, and fails them all', async () => {
    const capped = createSubgraphFetcher({ timeoutMs: 300, maxSockets: 2, breaker: { failureThreshold: 100 } });
    mostOpenConnections = openConnections;
    const before = openConnections;
    const reasons = await Promise.all(
      Array.from({ length: 10 }, () => unavailable(capped.fetcherFor('people')(`${base}/silent`, { body: '{}' }))),
    );
    capped.close();
    expect(reasons).toEqual(Array.from({ length: 10 }, () => 'timeout'));
    expect(mostOpenConnections - before).toBe(2);
  });

  it('opens the circuit after consecutive failures, fails fast while open, and closes after a good probe', async () => {
    const logged: string[] = [];
    const logger = {
      warn: (fields: Record<string, unknown>, message: string) => logged.push(`warn ${message} ${fields.reason ?? ''}`),
      info: (_fields: Record<string, unknown>, message: string) => logged.push(`info ${message}`),
    };
    const guarded = createSubgraphFetcher({
      timeoutMs: 200,
      breaker: { failureThreshold: 2, coolDownMs: 300 },
      logger,
    });
    const grids = guarded.fetcherFor('grids');
    const send = (path: string) => unavailable(grids(`${base}${path}`, { body: '{}' }));
    expect(await send('/silent')).toBe('timeout');
    expect(guarded.circuits()).toEqual({ grids: 'closed' });
    expect(await send('/silent')).toBe('timeout');
    expect(guarded.circuits()).toEqual({ grids: 'open' });
    // Open: a request the subgraph would answer fails at once, without a connection.
    const before = connections;
    expect(await send('/graphql')).toBe('circuit-open');
    expect(connections).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 350));
    // Half-open: one probe goes; while it is out, the others still fail fast. Its failure reopens.
    const probe = send('/silent');
    expect(await send('/graphql')).toBe('circuit-open');
    expect(await probe).toBe('timeout');
    expect(guarded.circuits()).toEqual({ grids: 'open' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await send('/graphql')).toBeNull();
    expect(guarded.circuits()).toEqual({ grids: 'closed' });
    expect(await send('/graphql')).toBeNull();
    guarded.close();
    expect(logged).toEqual([
      'warn subgraph unavailable timeout',
      'warn subgraph unavailable timeout',
      'warn subgraph circuit opened: failing its requests fast ',
      'info subgraph circuit half-open: sending one probe',
      'warn subgraph unavailable timeout',
      'warn subgraph circuit opened: failing its requests fast ',
      'info subgraph circuit half-open: sending one probe',
      'info subgraph circuit closed: the subgraph answers again',
    ]);
  });
});
