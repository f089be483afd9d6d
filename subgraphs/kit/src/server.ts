import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  /** Stops at once: open connections are cut (tests). */
  close: () => Promise<void>;
  /**
   * Stops accepting, lets in-flight requests finish for up to `graceSeconds`, then cuts what
   * is left and closes like `close`. `/health` answers 503 draining meanwhile.
   */
  drain: (graceSeconds: number) => Promise<DrainResult>;
}

export interface DrainResult {
  /** Requests that finished during the grace period. */
  finished: number;
  /** Requests still running when the grace period ended, whose connections were cut. */
  cut: number;
}

/** True once the service has begun a draining shutdown: `/health` says so and answers 503. */
export function isDraining(app: express.Express): boolean {
  return app.locals.draining === true;
}

/** The `/health` answer of a draining service, so a load balancer stops sending to it. */
export function answerDraining(res: express.Response, service: string): void {
  res.set('connection', 'close').status(503).json({ service, status: 'draining' });
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
    // Shutdown is the kit's (stopOnSignals): Apollo's own handler would stop the server
    // under in-flight requests and then kill the process with the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      maskError(withLimitCode(formatted, error), () => options.logger.error({ err: error }, 'unexpected error')),
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    if (isDraining(app)) return answerDraining(res, options.name);
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
  let draining: Promise<DrainResult> | undefined;
  const server: Server = createServer(app);
  server.keepAliveTimeout = 65_000;
  app.locals.acceptedConnections = 0;
  app.locals.draining = false;
  server.on('connection', () => {
    app.locals.acceptedConnections = acceptedConnections(app) + 1;
  });
  // Requests being answered, so a draining shutdown knows what it waits for.
  const inFlight = new Set<ServerResponse>();
  let finishedWhileDraining = 0;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    // While draining, no connection is kept for another request: the client goes elsewhere.
    if (isDraining(app)) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight.delete(res);
      if (!isDraining(app)) return;
      finishedWhileDraining += 1;
      // A connection whose answer went out before draining began is kept alive: close it once idle.
      setImmediate(() => server.closeIdleConnections());
    });
  });
  const closeNow = () =>
    (closing ??= (async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await onClose?.();
    })());
  return new Promise((resolve, reject) => {
    // A port already taken rejects with the error that says so (EADDRINUSE).
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actual}/graphql`,
        port: actual,
        close: closeNow,
        drain: (graceSeconds) =>
          (draining ??= (async () => {
            app.locals.draining = true;
            for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
            // Stops accepting and closes the idle connections; the callback comes once every
            // other connection has ended: its request answered (with `Connection: close`),
            // including one whose request was still arriving when draining began.
            await new Promise<void>((done) => {
              server.close(() => done());
              setTimeout(done, graceSeconds * 1000).unref();
            });
            const cut = inFlight.size;
            await closeNow();
            return { finished: finishedWhileDraining, cut };
          })()),
      });
    });
  });
}

/**
 * Stops the service cleanly on Ctrl-C or a termination signal: stops accepting, lets the
 * requests in flight finish within the grace period, closes the database pools, exits 0.
 * A second signal is not caught, so it ends the process at once.
 */
export function stopOnSignals(running: RunningServer, logger: Logger, graceSeconds: number): void {
  const stop = (signal: string) => {
    logger.info({ signal, graceSeconds }, 'draining: no new connections, finishing requests in flight');
    running.drain(graceSeconds).then(
      (result) => {
        logger.info(result, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: { message: (error as Error)?.message } }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
