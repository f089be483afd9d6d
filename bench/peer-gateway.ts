/**
 * The peer: Hive Gateway serving the same committed supergraph and the same subgraphs,
 * with in-flight request deduplication off (upstream and inbound) so it does the same
 * work as ours, and the same number of worker processes.
 * Env: PEER_PORT, PEER_WORKERS, PEOPLE_URL, GRIDS_URL, VOLUNTEERS_URL, EVENTS_URL, SUBGRAPH_SHARED_SECRET.
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { signSubgraphRequest } from '../subgraphs/kit/src/gateway-signature.js';

const workers = Number(process.env.PEER_WORKERS ?? 1);

if (workers > 1 && cluster.isPrimary) {
  for (let index = 0; index < workers; index += 1) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 1000).unref();
  });
} else {
  const entry = (url: string | undefined) => ({ location: url, options: { deduplicateInflightRequests: false } });
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
    transportEntries: {
      people: entry(process.env.PEOPLE_URL),
      grids: entry(process.env.GRIDS_URL),
      volunteers: entry(process.env.VOLUNTEERS_URL),
      events: entry(process.env.EVENTS_URL),
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
    inboundInflightRequestDeduplication: false,
    // Subgraphs answer only signed requests: the peer signs as our gateway does.
    plugins: () => [
      {
        onFetch({ url, options, setOptions }) {
          const body = typeof options.body === 'string' ? options.body : '';
          const method = options.method ?? 'POST';
          const { pathname, search } = new URL(url);
          const signature = signSubgraphRequest(body, process.env.SUBGRAPH_SHARED_SECRET ?? '', {
            method,
            path: `${pathname}${search}`,
          });
          const headers = new Headers(options.headers as HeadersInit);
          for (const [name, value] of Object.entries(signature)) headers.set(name, value);
          setOptions({ ...options, headers: Object.fromEntries(headers) });
        },
      },
    ],
    graphiql: false,
    logging: 'error',
  });
  const server = createServer(gateway);
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PEER_PORT ?? 4395), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
  });
}
