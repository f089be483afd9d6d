import { authenticate, createTokenVerifier, type Viewer } from '../../subgraphs/kit/src/auth.js';
import type { GatewayConfig } from './config.js';

export interface GatewayContext {
  viewer: Viewer;
  /** Forwarded to every subgraph, which verifies it again. */
  authorization: string;
}

/** Verifies the bearer token before any plan runs: no token, no subgraph call. */
export function createContextFactory(config: GatewayConfig) {
  const verify = createTokenVerifier(config);
  return async (authorization: string | undefined): Promise<GatewayContext> => {
    const viewer = await authenticate(authorization, verify);
    return { viewer, authorization: authorization ?? '' };
  };
}
