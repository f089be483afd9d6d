import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Subgraphs answer only the gateway: the gateway signs every request it sends them with
 * an HMAC-SHA256 over the method, the path, a hash of the body and a timestamp, keyed by
 * a secret the five services share. A subgraph refuses a `/graphql` request without a
 * valid, fresh signature, so a port reachable by mistake still serves no data.
 */
export const SIGNATURE_HEADER = 'x-subgraph-signature';
export const TIMESTAMP_HEADER = 'x-subgraph-timestamp';

/** How long a signature stays valid, either side of the subgraph's clock. */
export const SIGNATURE_WINDOW_SECONDS = 60;

/** The secret every service uses when none is configured, outside production only. */
export const DEV_SUBGRAPH_SECRET = 'grid-governance-dev-subgraph-secret-do-not-use-in-production';

/**
 * The shared secret a service signs or verifies with. Production must set its own: the
 * development default is public (it is in this file), so a production service refuses
 * to start without one, or with that one.
 */
export function sharedSecret(settings: { NODE_ENV: string; SUBGRAPH_SHARED_SECRET?: string | undefined }): string {
  const configured = settings.SUBGRAPH_SHARED_SECRET;
  if (settings.NODE_ENV === 'production') {
    if (!configured || configured === DEV_SUBGRAPH_SECRET) {
      throw new Error(
        'production needs its own SUBGRAPH_SHARED_SECRET (the same value in the gateway and every subgraph)',
      );
    }
    return configured;
  }
  return configured ?? DEV_SUBGRAPH_SECRET;
}

export interface SignedRequest {
  method?: string;
  /** The path and query string as the subgraph receives them. */
  path?: string;
  /** Unix time in milliseconds; now when absent. */
  now?: number;
}

function bodyHash(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

function signature(secret: string, method: string, path: string, body: string | Buffer, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}\n${path}\n${bodyHash(body)}\n${timestamp}`)
    .digest('hex');
}

/** The headers that let a request through to a subgraph: the gateway and tests add them. */
export function signSubgraphRequest(
  body: string | Buffer,
  secret: string,
  request: SignedRequest = {},
): Record<string, string> {
  const timestamp = String(Math.floor((request.now ?? Date.now()) / 1000));
  return {
    [SIGNATURE_HEADER]: signature(secret, request.method ?? 'POST', request.path ?? '/graphql', body, timestamp),
    [TIMESTAMP_HEADER]: timestamp,
  };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  body: string | Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
}

/** Why a request is not from the gateway, or null when it is. Reasons are for logs only. */
export function signatureProblem(request: ReceivedRequest, secret: string, now = Date.now()): string | null {
  const stale = timestampProblem(request.timestamp, now);
  if (stale) return stale;
  if (!request.signature || !/^[0-9a-f]{64}$/.test(request.signature)) return 'missing signature';
  const expected = Buffer.from(
    signature(secret, request.method, request.path, request.body, request.timestamp ?? ''),
    'hex',
  );
  return timingSafeEqual(expected, Buffer.from(request.signature, 'hex')) ? null : 'bad signature';
}

/** The part of the check that needs no body, so an unsigned request is refused before it is read. */
export function timestampProblem(timestamp: string | undefined, now = Date.now()): string | null {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing timestamp';
  return Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS ? 'stale timestamp' : null;
}
