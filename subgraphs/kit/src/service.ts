import { readFileSync } from 'node:fs';
import type { BaseContext } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { MigrationClass } from './database.js';
import { z } from 'zod';
import { createTokenVerifier, type Viewer } from './auth.js';
import { commonConfig, databaseUrl, host, introspectionEnabled, parseConfig, port } from './config.js';
import { DatabaseUnreachable, openDatabase, type Database } from './database.js';
import { sharedSecret } from './gateway-signature.js';
import { createGraphClient, type GraphClient } from './graph-client.js';
import { createLogger, type Logger } from './logger.js';
import { queryLimitsFrom } from './query-limits.js';
import type { DemoDataOptions } from './seeding.js';
import { createSubgraphApp, listen, stopOnSignals, type RunningServer } from './server.js';
import { SUBGRAPHS, type SubgraphName } from './subgraphs.js';

/** What each request may use beyond its own database. */
export interface SubgraphRuntime {
  /** The caller's `Authorization` header, forwarded when asking the graph. */
  authorization: string;
  /** The graph behind the gateway, for data another subgraph owns. */
  graph: GraphClient;
  /** The purpose the client declared in the `x-access-purpose` header, as sent. */
  accessPurpose?: string;
}

/** What every resolver gets: the viewer, the subgraph's database, fresh loaders, the runtime. */
export interface RequestContext<L> {
  viewer: Viewer;
  db: Database;
  loaders: L;
  runtime: SubgraphRuntime;
}

/** A context factory over a subgraph's loaders: new loaders for every request. */
export function createContextFactory<L>(createLoaders: (dataSource: DataSource, viewer: Viewer) => L) {
  return (db: Database, viewer: Viewer, runtime: SubgraphRuntime): RequestContext<L> => ({
    viewer,
    db,
    runtime,
    loaders: createLoaders(db.dataSource, viewer),
  });
}

/** What a subgraph brings; the kit turns it into a running service. */
export interface SubgraphModule<C extends BaseContext> {
  name: SubgraphName;
  entities: MixedList<EntitySchema>;
  migrations: MixedList<MigrationClass>;
  resolvers: GraphQLResolverMap<C>;
  createContext: (db: Database, viewer: Viewer, runtime: SubgraphRuntime) => C;
  /** Fills an empty database with demo data; never touches one that has data. */
  seedIfEmpty?: (db: Database, options: DemoDataOptions, logger: Logger) => Promise<void>;
}

export function subgraphConfigSchema(name: SubgraphName) {
  const prefix = name.toUpperCase();
  const defaultPort = SUBGRAPHS.find((subgraph) => subgraph.name === name)?.defaultPort ?? 0;
  return z
    .object({
      ...commonConfig,
      [`${prefix}_PORT`]: port(defaultPort),
      [`${prefix}_HOST`]: host(),
      [`${prefix}_DATABASE_URL`]: databaseUrl(`sqlite:data/${name}.sqlite`),
    })
    .transform((env) => {
      const named = env as Record<string, unknown>;
      return {
        ...env,
        port: named[`${prefix}_PORT`] as number,
        host: named[`${prefix}_HOST`] as string,
        databaseUrl: named[`${prefix}_DATABASE_URL`] as string,
      };
    });
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

export function readSchema(name: SubgraphName) {
  return parse(readFileSync(new URL(`../../../schema/${name}.graphql`, import.meta.url), 'utf8'));
}

export interface StartedSubgraph extends RunningServer {
  db: Database;
}

/**
 * Opens the subgraph's database (migrating it), seeds demo data into an empty one when
 * asked, and serves it. Tests call this with port 0 and their own database URL.
 */
export async function startSubgraph<C extends BaseContext>(
  module: SubgraphModule<C>,
  config: SubgraphConfig,
  options: { host?: string; logger?: Logger } = {},
): Promise<StartedSubgraph> {
  const logger = options.logger ?? createLogger(module.name, config.LOG_LEVEL);
  // Before the database opens: a production service without its own secret stops here.
  const secret = sharedSecret(config);
  const db = await openDatabase({
    url: config.databaseUrl,
    entities: module.entities,
    migrations: module.migrations,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    onRetry: (attempt, reason, waitMs) =>
      logger.warn({ attempt, reason, retryInMs: waitMs }, 'database not reachable yet; retrying'),
  });
  if (config.DEMO_DATA && module.seedIfEmpty) {
    const options: DemoDataOptions = { seed: config.DEMO_SEED, residents: config.DEMO_RESIDENTS };
    if (config.DEMO_COMMUNITY_RESIDENTS !== undefined) options.communityResidents = config.DEMO_COMMUNITY_RESIDENTS;
    await module.seedIfEmpty(db, options, logger);
    db.statements.count = 0;
  }
  const graph = createGraphClient(config.GRAPH_URL);
  const { app, apollo } = await createSubgraphApp<C>({
    name: module.name,
    typeDefs: readSchema(module.name),
    resolvers: module.resolvers,
    database: db,
    logger,
    verifyToken: createTokenVerifier(config),
    createContext: (viewer, request) => module.createContext(db, viewer, { ...request, graph }),
    limits: queryLimitsFrom(config),
    introspection: introspectionEnabled(config),
    sharedSecret: secret,
  });
  const running = await listen(app, config.port, options.host ?? config.host, async () => {
    await apollo.stop();
    await db.dataSource.destroy();
  });
  return { ...running, db };
}

/** Entry point for `npm run start:<name>`: config from the environment, fail fast. */
export async function runSubgraph<C extends BaseContext>(module: SubgraphModule<C>): Promise<void> {
  const config = parseConfig(subgraphConfigSchema(module.name), process.env);
  const logger = createLogger(module.name, config.LOG_LEVEL);
  let running: StartedSubgraph;
  try {
    running = await startSubgraph(module, config, { logger });
  } catch (error) {
    // Waiting for the database ran out: one line says so, no stack (nothing in our code failed).
    if (!(error instanceof DatabaseUnreachable)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
  logger.info({ url: running.url }, `${module.name} subgraph ready`);
  stopOnSignals(running, logger, config.SHUTDOWN_GRACE_SECONDS);
}
