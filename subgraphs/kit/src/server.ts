import { createServer, type IncomingMessage, type Server } from 'node:http';
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
import { INTERNAL_MESSAGE, maskError } from './errors.js';
import { SIGNATURE_HEADER, signatureProblem, TIMESTAMP_HEADER, timestampProblem } from './gateway-signature.js';
import type { Logger } from './logger.js';
import {
  guardResponseSize,
  noIntrospection,
  type QueryLimits,
  queryLimitProtection,
  withLimitCode,
} from './query-limits.js';

export interface SubgraphOptions<C extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  database: Database;
  logger: Logger;
  verifyToken: (token: string) => Promise<Viewer>;
  /** Builds the per-request context: the viewer and fresh DataLoaders. */
  createContext: (viewer: Viewer, request: RequestHeaders) => C;
  /** The same limits as the gateway's, so a request that reaches the subgraph directly gets no further. */
  limits: QueryLimits;
  introspection: boolean;
  /** The secret the gateway signs requests with; `/graphql` answers nothing unsigned. */
  sharedSecret: string;
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
  // The resolver map is typed per subgraph; buildSubgraphSchema only knows `unknown` contexts.
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const limits = queryLimitProtection<C>(options.limits);
  const apollo = new ApolloServer<C>({
    schema,
    // Inline tracing (ftv1) costs time on every request and nothing here reads it.
    // Cache control (on by default) wraps every field resolver to compute cache hints no
    // response here carries: off, as is inline tracing for a registry we do not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...limits.plugins,
      guardResponseSize<C>(schema, options.limits.maxObjects),
    ],
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules, ...(options.introspection ? [] : [noIntrospection])],
    // Our own rule refuses introspection in Chinese; Apollo's would add an English one.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      maskError(withLimitCode(formatted, error), () => options.logger.error({ err: error }, 'unexpected error')),
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
    ...gatewayOnly(options.sharedSecret, options.logger),
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
  app.use(requestErrorHandler(options.logger));
  return { app, apollo };
}

const BODY_LIMIT = '2mb';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function unsigned(reason: string): Error {
  return Object.assign(new Error(reason), { status: 401, type: 'subgraph.unsigned' });
}

/**
 * Lets through only what the gateway signed (kit/gateway-signature.ts): the timestamp is
 * checked before the body is read, the signature over the body as it arrived (body-parser's
 * verify hook sees the raw bytes before parsing), and a request with no body to parse
 * against the empty body.
 */
function gatewayOnly(secret: string, logger: Logger): express.RequestHandler[] {
  const verified = new WeakSet<IncomingMessage>();
  const check = (req: IncomingMessage, body: Buffer) => {
    const problem = signatureProblem(
      {
        method: req.method ?? 'POST',
        path: (req as express.Request).originalUrl,
        body,
        signature: header(req, SIGNATURE_HEADER),
        timestamp: header(req, TIMESTAMP_HEADER),
      },
      secret,
    );
    if (problem) {
      logger.warn({ reason: problem, remote: req.socket.remoteAddress }, 'refused a request the gateway did not sign');
      throw unsigned(problem);
    }
    verified.add(req);
  };
  return [
    (req, _res, next) => {
      const problem = timestampProblem(header(req, TIMESTAMP_HEADER));
      if (problem) logger.warn({ reason: problem, remote: req.socket.remoteAddress }, 'refused an unsigned request');
      next(problem ? unsigned(problem) : undefined);
    },
    express.json({ limit: BODY_LIMIT, verify: (req, _res, body) => check(req, body) }),
    (req, _res, next) => {
      if (verified.has(req)) return next();
      try {
        check(req, Buffer.alloc(0));
        next();
      } catch (error) {
        next(error);
      }
    },
  ];
}

function graphqlError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Replaces Express's default error handler, which answers in HTML, prints the stack in
 * development and logs the error, whose message quotes the body of a malformed JSON
 * request (an ID number, a phone). Here every error is a GraphQL-shaped answer with a
 * fixed message, and the log gets its kind and status, never the body.
 */
export function requestErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    const kind = typeof type === 'string' ? type : undefined;
    const code = typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
    if (kind === 'subgraph.unsigned') return graphqlError(res, 401, 'UNAUTHENTICATED', '只接受经网关转发并签名的请求');
    if (code >= 500) {
      const { name, stack } = error instanceof Error ? error : { name: typeof error, stack: undefined };
      logger.error({ err: { type: kind, name, stack: kind ? undefined : stack } }, 'request failed');
      return graphqlError(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE);
    }
    logger.warn({ type: kind, status: code }, 'bad request');
    if (kind === 'entity.parse.failed') return graphqlError(res, 400, 'BAD_REQUEST', '请求体不是有效的 JSON');
    if (kind === 'entity.too.large') return graphqlError(res, 413, 'BAD_REQUEST', '请求体过大');
    return graphqlError(res, code, 'BAD_REQUEST', '请求无效');
  };
}

/** TCP connections a service has accepted since start: callers that keep connections alive leave it flat. */
export function acceptedConnections(app: express.Express): number {
  return Number(app.locals.acceptedConnections ?? 0);
}

export function listen(
  app: express.Express,
  port: number,
  host = '127.0.0.1',
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
