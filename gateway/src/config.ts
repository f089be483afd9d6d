import { z } from 'zod';
import { commonConfig, port } from '../../subgraphs/kit/src/config.js';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '../../subgraphs/kit/src/subgraphs.js';

const subgraphUrl = (defaultPort: number) => z.url().default(`http://127.0.0.1:${defaultPort}/graphql`);

/** The gateway's settings: one zod schema over the environment, parsed once at start. */
export const gatewayConfigSchema = z.object({
  ...commonConfig,
  GATEWAY_PORT: port(GATEWAY_DEFAULT_PORT),
  /** Worker processes sharing the port (Node's cluster); the gateway is stateless. */
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Subgraph URLs; the supergraph's own URLs are only defaults for local runs. */
  PEOPLE_URL: subgraphUrl(SUBGRAPHS[0].defaultPort),
  GRIDS_URL: subgraphUrl(SUBGRAPHS[1].defaultPort),
  VOLUNTEERS_URL: subgraphUrl(SUBGRAPHS[2].defaultPort),
  EVENTS_URL: subgraphUrl(SUBGRAPHS[3].defaultPort),
  /** Query limits for ad-hoc use. */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  QUERY_MAX_COST: z.coerce.number().int().min(100).default(20_000),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(4_000),
  /** Allow schema introspection (clients and codegen use it); production may turn it off. */
  INTROSPECTION: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    people: config.PEOPLE_URL,
    grids: config.GRIDS_URL,
    volunteers: config.VOLUNTEERS_URL,
    events: config.EVENTS_URL,
  };
}
