import { authenticate, createTokenVerifier, type Viewer } from '../../subgraphs/kit/src/auth.js';
import type { GatewayConfig } from './config.js';

export interface GatewayContext {
  viewer: Viewer;
  /** Forwarded to every subgraph, which verifies it again. */
  authorization: string;
  /** The client's declared purpose for reading personal data in full, forwarded as sent. */
  accessPurpose?: string;
}

/** Verifies the bearer token before any plan runs: no token, no subgraph call. */
export function createContextFactory(config: GatewayConfig) {
  const verify = createTokenVerifier(config);
  return async (authorization: string | undefined, accessPurpose?: string | string[]): Promise<GatewayContext> => {
    const viewer = await authenticate(authorization, verify);
    return {
      viewer,
      authorization: authorization ?? '',
      ...(typeof accessPurpose === 'string' && accessPurpose ? { accessPurpose } : {}),
    };
  };
}
