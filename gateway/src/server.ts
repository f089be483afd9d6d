import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { introspectionEnabled } from '../../subgraphs/kit/src/config.js';
import { sharedSecret } from '../../subgraphs/kit/src/gateway-signature.js';
import type { Logger } from '../../subgraphs/kit/src/logger.js';
import {
  noIntrospection,
  queryLimitProtection,
  queryLimitsFrom,
  withLimitCode,
} from '../../subgraphs/kit/src/query-limits.js';
import {
  ACCESS_PURPOSE_HEADER,
  acceptedConnections,
  answerDraining,
  isDraining,
  requestErrorHandler,
} from '../../subgraphs/kit/src/server.js';
import { createContextFactory, type GatewayContext } from './auth.js';
import { subgraphUrls, type GatewayConfig } from './config.js';
import { formatGatewayError, unavailableResponse } from './errors.js';
import { createSubgraphFetcher, SubgraphUnavailableError } from './subgraph-fetcher.js';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

const SUPERGRAPH = new URL('../../schema/supergraph.graphql', import.meta.url);

/** Forwards the caller's token: each subgraph verifies it again and applies its scope. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (!('authorization' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.accessPurpose) request.http?.headers.set(ACCESS_PURPOSE_HEADER, context.accessPurpose);
  }

  /**
   * A subgraph that cannot answer (down, stalled, circuit open) answers for itself with
   * SUBGRAPH_UNAVAILABLE errors on the fields it resolves, so the rest of the answer stands.
   */
  override async process(
    options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0],
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!(error instanceof SubgraphUnavailableError)) throw error;
      return unavailableResponse(error.service, options.request, 'document' in options ? options.document : undefined);
    }
  }
}

/**
 * The gateway without a port, so tests and `main.ts` share it: the committed supergraph,
 * subgraph URLs from config, token check before planning, query limits and error masking.
 */
export async function createGatewayApp(config: GatewayConfig, logger: Logger) {
  const urls = subgraphUrls(config);
  // The plan cache hands back the same plan object for the same operation: a plan not seen
  // before was built for this request.
  const plansSeen = new WeakSet<object>();
  // Every subgraph request is signed: the subgraphs answer nothing else.
  // Bounded sockets and a circuit breaker per subgraph: a stalled one costs a few sockets and then fails fast.
  const subgraphs = createSubgraphFetcher({
    secret: sharedSecret(config),
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    breaker: { failureThreshold: config.SUBGRAPH_BREAKER_FAILURES, coolDownMs: config.SUBGRAPH_BREAKER_COOLDOWN_MS },
    logger,
  });
  let plansBuilt = 0;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH, 'utf8'),
    experimental_didResolveQueryPlan: ({ queryPlan }) => {
      if (plansSeen.has(queryPlan)) return;
      plansSeen.add(queryPlan);
      plansBuilt += 1;
    },
    // Our own keep-alive client per subgraph (subgraph-fetcher.ts): the default fetcher
    // (make-fetch-happen) queues everything past 15 sockets per subgraph.
    buildService: ({ name, url }) =>
      new AuthenticatedDataSource({
        url: urls[name] ?? url,
        fetcher: subgraphs.fetcherFor(name) as unknown as Fetcher,
      }),
  });
  const protection = queryLimitProtection<GatewayContext>(queryLimitsFrom(config));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Our own rule refuses introspection in Chinese; Apollo's would add an English one.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Shutdown is main.ts's (stopOnSignals drains in-flight requests first): Apollo's own
    // handler would stop the gateway under them and then kill the process with the signal.
    stopOnTerminationSignals: false,
    // Apollo's landing page loads Sandbox from the internet, which street networks cannot reach.
    plugins: [
      ...protection.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      { serverWillStart: async () => ({ serverWillStop: async () => subgraphs.close() }) },
    ],
    parseOptions: protection.parseOptions,
    validationRules: [...protection.validationRules, ...(introspectionEnabled(config) ? [] : [noIntrospection])],
    formatError: (formatted, error) =>
      formatGatewayError(withLimitCode(formatted, error), () => logger.error({ err: error }, 'unexpected error')),
  });
  await apollo.start();
  const contextFor = createContextFactory(config);
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    if (isDraining(app)) return answerDraining(res, 'gateway');
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = checks.every(([, status]) => status === 'ready');
    res
      .status(ready ? 200 : 503)
      .json({ service: 'gateway', status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  app.get('/metrics', (_req, res) => {
    res
      .type('text/plain; version=0.0.4')
      .send(
        [
          '# HELP gateway_query_plans_built_total Query plans built since start (the rest came from the plan cache).',
          '# TYPE gateway_query_plans_built_total counter',
          `gateway_query_plans_built_total ${plansBuilt}`,
          '# HELP http_connections_accepted_total TCP connections accepted since start.',
          '# TYPE http_connections_accepted_total counter',
          `http_connections_accepted_total ${acceptedConnections(app)}`,
          '# TYPE process_resident_memory_bytes gauge',
          `process_resident_memory_bytes ${process.memoryUsage().rss}`,
          '',
        ].join('\n'),
      );
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(req.headers.authorization, req.headers[ACCESS_PURPOSE_HEADER]),
    }),
  );
  app.use(requestErrorHandler(logger));
  return { app, apollo, gateway };
}
