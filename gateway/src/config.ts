import { z } from 'zod';
import { commonConfig, fetchableUrl, host, port } from '../../subgraphs/kit/src/config.js';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '../../subgraphs/kit/src/subgraphs.js';

const subgraphUrl = (defaultPort: number) => fetchableUrl(`http://127.0.0.1:${defaultPort}/graphql`);

/** The gateway's settings: one zod schema over the environment, parsed once at start. */
export const gatewayConfigSchema = z.object({
  ...commonConfig,
  GATEWAY_PORT: port(GATEWAY_DEFAULT_PORT),
  GATEWAY_HOST: host(),
  /** Worker processes sharing the port (Node's cluster); the gateway is stateless. */
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Subgraph URLs; the supergraph's own URLs are only defaults for local runs. */
  PEOPLE_URL: subgraphUrl(SUBGRAPHS[0].defaultPort),
  GRIDS_URL: subgraphUrl(SUBGRAPHS[1].defaultPort),
  VOLUNTEERS_URL: subgraphUrl(SUBGRAPHS[2].defaultPort),
  EVENTS_URL: subgraphUrl(SUBGRAPHS[3].defaultPort),
  /** A subgraph request not answered this long after it was made (queueing included) fails as SUBGRAPH_UNAVAILABLE. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Sockets open at once to each subgraph; further requests queue, so a stalled subgraph costs this many. */
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(10_000).default(128),
  /** Consecutive failures (refused, reset, timeout, 502/503/504) after which a subgraph's circuit opens. */
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** How long an open circuit fails that subgraph's requests at once before one probe is let through. */
  SUBGRAPH_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
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
