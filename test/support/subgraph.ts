import type { BaseContext } from '@apollo/server';
import { createLogger, type Logger } from '../../subgraphs/kit/src/logger.js';
import {
  startSubgraph,
  subgraphConfigSchema,
  type StartedSubgraph,
  type SubgraphModule,
} from '../../subgraphs/kit/src/service.js';
import { freshDatabaseUrl } from './database.js';
import { startSigningRelay } from './signing-relay.js';

/** Residents in the demo world that tests share: small, but every kind of row exists. */
export const TEST_RESIDENTS = 400;
export const TEST_SEED = 7;

export interface TestSubgraph extends StartedSubgraph {
  stop: () => Promise<void>;
}

/**
 * Starts one subgraph on an ephemeral port over a fresh database of its own, seeded with
 * the shared demo world (or empty with `demo: false`). A `graphUrl` that is another
 * subgraph is reached through a relay that signs as the gateway does (`graphIsGateway`
 * skips it); `env` overrides settings (limits, introspection...).
 */
export async function startTestSubgraph<C extends BaseContext>(
  module: SubgraphModule<C>,
  options: {
    demo?: boolean;
    residents?: number;
    graphUrl?: string;
    graphIsGateway?: boolean;
    env?: Record<string, string>;
    logger?: Logger;
  } = {},
): Promise<TestSubgraph> {
  const database = freshDatabaseUrl(module.name);
  const relay = options.graphUrl && !options.graphIsGateway ? await startSigningRelay(options.graphUrl) : undefined;
  const graphUrl = relay?.url ?? options.graphUrl;
  const prefix = module.name.toUpperCase();
  const config = subgraphConfigSchema(module.name).parse({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    [`${prefix}_PORT`]: '0',
    [`${prefix}_DATABASE_URL`]: database.url,
    DEMO_DATA: options.demo === false ? 'false' : 'true',
    DEMO_SEED: String(TEST_SEED),
    DEMO_RESIDENTS: String(options.residents ?? TEST_RESIDENTS),
    ...(graphUrl ? { GRAPH_URL: graphUrl } : {}),
    ...options.env,
  });
  const started = await startSubgraph(module, config, {
    host: '127.0.0.1',
    logger: options.logger ?? createLogger(module.name, 'silent'),
  });
  return {
    ...started,
    stop: async () => {
      await started.close();
      await relay?.close();
      await database.drop();
    },
  };
}
