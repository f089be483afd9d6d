import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { authenticate, type Viewer } from './auth.js';
import { databaseAnswers, type Database } from './database.js';
import { maskError } from './errors.js';
import type { Logger } from './logger.js';

export interface SubgraphOptions<C extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  database: Database;
  logger: Logger;
  verifyToken: (token: string) => Promise<Viewer>;
  /** Builds the per-request context: the viewer and fresh DataLoaders. */
  createContext: (viewer: Viewer, request: RequestHeaders) => C;
}

/**
 * The purpose a client declares for reading personal data in full (PIPL), as a header;
 * percent-encoded UTF-8, since HTTP headers are Latin-1. The gateway forwards it.
 */
export const ACCESS_PURPOSE_HEADER = 'x-access-purpose';

/** What a subgraph takes from the request besides the verified viewer. */
export interface RequestHeaders {
  authorization: string;
  accessPurpose?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * A subgraph over HTTP: `/graphql` for the gateway and `/health`, which answers ready only
 * while the database answers. Every request is authenticated again here: the gateway's
 * check is not trusted on its own (DESIGN rule 5).
 */
export async function createSubgraphApp<C extends BaseContext>(
  options: SubgraphOptions<C>,
): Promise<{ app: express.Express; apollo: ApolloServer<C> }> {
  const apollo = new ApolloServer<C>({
    // The resolver map is typed per subgraph; buildSubgraphSchema only knows `unknown` contexts.
    schema: buildSubgraphSchema({
      typeDefs: options.typeDefs,
      resolvers: options.resolvers as GraphQLResolverMap<unknown>,
    }),
    // Inline tracing (ftv1) costs time on every request and nothing here reads it.
    // Cache control (on by default) wraps every field resolver to compute cache hints no
    // response here carries: off, as is inline tracing for a registry we do not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      maskError(formatted, () => options.logger.error({ err: error }, 'unexpected error')),
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const ready = await databaseAnswers(options.database.dataSource);
    res.status(ready ? 200 : 503).json({ service: options.name, status: ready ? 'ready' : 'database unavailable' });
  });
  // Prometheus text format: what an operator (and the benchmark) reads to see the
  // statements each request costs and the memory the process holds.
  app.get('/metrics', (_req, res) => {
    const memory = process.memoryUsage();
    res
      .type('text/plain; version=0.0.4')
      .send(
        [
          '# HELP sql_statements_total SQL statements sent to the database since start.',
          '# TYPE sql_statements_total counter',
          `sql_statements_total{subgraph="${options.name}"} ${options.database.statements.count}`,
          '# HELP http_connections_accepted_total TCP connections accepted since start.',
          '# TYPE http_connections_accepted_total counter',
          `http_connections_accepted_total ${acceptedConnections(app)}`,
          '# TYPE process_resident_memory_bytes gauge',
          `process_resident_memory_bytes ${memory.rss}`,
          '',
        ].join('\n'),
      );
  });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const authorization = req.headers.authorization ?? '';
        const viewer = await authenticate(authorization, options.verifyToken);
        const purpose = req.headers[ACCESS_PURPOSE_HEADER];
        return options.createContext(viewer, {
          authorization,
          ...(typeof purpose === 'string' && purpose ? { accessPurpose: purpose } : {}),
        });
      },
    }),
  );
  return { app, apollo };
}

/** TCP connections a service has accepted since start: callers that keep connections alive leave it flat. */
export function acceptedConnections(app: express.Express): number {
  return Number(app.locals.acceptedConnections ?? 0);
}

export function listen(
  app: express.Express,
  port: number,
  host = '0.0.0.0',
  onClose?: () => Promise<void>,
): Promise<RunningServer> {
  let closing: Promise<void> | undefined;
  const server: Server = createServer(app);
  server.keepAliveTimeout = 65_000;
  app.locals.acceptedConnections = 0;
  server.on('connection', () => {
    app.locals.acceptedConnections = acceptedConnections(app) + 1;
  });
  return new Promise((resolve, reject) => {
    // A port already taken rejects with the error that says so (EADDRINUSE).
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actual}/graphql`,
        port: actual,
        close: () =>
          (closing ??= (async () => {
            await new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            });
            await onClose?.();
          })()),
      });
    });
  });
}

/** Stops the service cleanly on Ctrl-C or a termination signal. */
export function stopOnSignals(running: RunningServer, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
