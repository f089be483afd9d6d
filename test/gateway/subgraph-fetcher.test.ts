import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from '../../gateway/src/subgraph-fetcher.js';
import { SIGNATURE_HEADER, signatureProblem, TIMESTAMP_HEADER } from '../../subgraphs/kit/src/gateway-signature.js';

let server: Server;
let base: string;
let connections = 0;
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
      const status = req.url === '/broken' ? 502 : 200;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-seen-authorization': req.headers.authorization ?? '',
      });
      res.end(JSON.stringify({ data: { echo: body, length: req.headers['content-length'] } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', () => {
    connections += 1;
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
    expect(response.status).toBe(502);
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
});
