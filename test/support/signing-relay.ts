import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedFor } from './graphql.js';

/**
 * Stands in for the gateway between two test subgraphs: a subgraph tested without the
 * gateway asks another subgraph for its data (GRAPH_URL), and subgraphs answer only
 * signed requests, so this relay signs each one as the gateway would and passes it on.
 */
export async function startSigningRelay(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const forwarded: Record<string, string> = { 'content-type': 'application/json', ...signedFor(target, body) };
      for (const name of ['authorization', 'x-access-purpose']) {
        const value = req.headers[name];
        if (typeof value === 'string') forwarded[name] = value;
      }
      fetch(target, { method: 'POST', headers: forwarded, body })
        .then(async (response) => {
          res.writeHead(response.status, {
            'content-type': response.headers.get('content-type') ?? 'application/json',
          });
          res.end(await response.text());
        })
        .catch(() => {
          res.writeHead(502).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
