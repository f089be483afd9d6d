import { Agent, type ClientRequest, type IncomingHttpHeaders, request } from 'node:http';
import { signSubgraphRequest } from '../../subgraphs/kit/src/gateway-signature.js';
import { type CircuitBreakerOptions, createCircuitBreaker } from './circuit-breaker.js';

/** What the gateway's data sources read of a response (a subset of the Fetch API's). */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SubgraphFetcherOptions {
  /** A subgraph silent this long on a request fails it instead of holding it forever. */
  timeoutMs?: number;
  /**
   * Idle connections close after this long. It must stay under the subgraphs' keep-alive
   * timeout (65 s) so that the gateway, not the subgraph, closes an idle connection and
   * never sends a request down one the other end is closing.
   */
  idleMs?: number;
  /** Signs every request (kit/gateway-signature.ts): subgraphs refuse what is not signed. */
  secret?: string;
  /**
   * A subgraph answer larger than this fails the request instead of filling the gateway's
   * heap; the subgraphs bound their responses too (RESPONSE_MAX_OBJECTS).
   */
  maxResponseBytes?: number;
  /**
   * Sockets open at once to one subgraph; requests past it wait in the agent's queue (and
   * their deadline runs while they wait), so a stalled subgraph costs this many sockets.
   */
  maxSockets?: number;
  /** When a subgraph is taken for down and how long it is left alone (circuit-breaker.ts). */
  breaker?: Partial<CircuitBreakerOptions>;
  /** Where expected failures go: one warn line each, no stack. */
  logger?: FetcherLogger;
}

/** The part of pino the fetcher uses. */
export interface FetcherLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

/** Why a subgraph counts as unavailable: nothing here is the client's fault or a bug of ours. */
export type UnavailableReason = 'refused' | 'reset' | 'timeout' | 'unreachable' | 'bad-gateway' | 'circuit-open';

/**
 * A subgraph that cannot answer now: refused, reset, silent past the deadline, answering
 * 502/503/504, or skipped while its circuit is open. The gateway turns it into a
 * SUBGRAPH_UNAVAILABLE error on the fields that subgraph resolves (errors.ts).
 */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly service: string,
    readonly reason: UnavailableReason,
    detail: string,
  ) {
    super(`subgraph ${service} unavailable (${reason}): ${detail}`);
    this.name = 'SubgraphUnavailableError';
  }
}

const NETWORK_REASONS: Record<string, UnavailableReason> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
};

/** 502, 503 and 504 come from a proxy or a draining subgraph: the service, not the request, failed. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function unavailableReason(error: unknown): UnavailableReason | null {
  if (error instanceof SubgraphUnavailableError) return error.reason;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in NETWORK_REASONS) return NETWORK_REASONS[code] ?? null;
  // `socket hang up`: the subgraph closed the connection before answering.
  if (code === 'ECONNABORTED' || (error instanceof Error && error.message === 'socket hang up')) return 'reset';
  return null;
}

/** A request's place in its subgraph's line: started when a socket place is free, failed if it gives up first. */
interface Ticket {
  start: () => void;
  fail: (error: Error) => void;
}

function headerGetter(headers: IncomingHttpHeaders) {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : String(value);
    },
  };
}

/**
 * The gateway's HTTP client to the subgraphs: `node:http` over one keep-alive agent per
 * subgraph, with at most `maxSockets` sockets each, and one circuit breaker per subgraph.
 * It replaces Node's built-in fetch (undici behind WHATWG streams), which cost a quarter
 * of the gateway's CPU per request in the benchmark's profile; the data sources only need
 * status, headers and the body. `fetcherFor(name)` is a subgraph's own client; `fetcher`
 * keys the state by host, for callers that have no name.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const breakerOptions = { failureThreshold: 5, coolDownMs: 10_000, ...options.breaker };
  const logger = options.logger;
  const services = new Map<string, ReturnType<typeof serviceClient>>();

  function serviceClient(service: string) {
    const maxSockets = options.maxSockets ?? 128;
    const agent = new Agent({ keepAlive: true, timeout: options.idleMs ?? 30_000, scheduling: 'lifo', maxSockets });
    // Requests in flight hold one of `maxSockets` places; the rest wait here, not in the
    // agent's queue, so one that gives up (deadline, circuit opened) leaves without a socket
    // ever being opened for it.
    let inFlight = 0;
    const waiting = new Set<Ticket>();
    const startNext = () => {
      for (const ticket of waiting) {
        if (inFlight >= maxSockets) return;
        waiting.delete(ticket);
        ticket.start();
      }
    };
    const breaker = createCircuitBreaker(breakerOptions, {
      opened: (failures) => {
        logger?.warn(
          { service, failures, coolDownMs: breakerOptions.coolDownMs, queued: waiting.size },
          'subgraph circuit opened: failing its requests fast',
        );
        const queued = [...waiting];
        waiting.clear();
        for (const ticket of queued) ticket.fail(new SubgraphUnavailableError(service, 'circuit-open', 'queued'));
      },
      halfOpened: (rejected) => logger?.info({ service, rejected }, 'subgraph circuit half-open: sending one probe'),
      closed: (rejected) => logger?.info({ service, rejected }, 'subgraph circuit closed: the subgraph answers again'),
    });

    const fetch = (url: string, init: SubgraphRequestInit = {}): Promise<SubgraphResponse> => {
      const admission = breaker.admit();
      if (admission === 'reject') {
        return Promise.reject(new SubgraphUnavailableError(service, 'circuit-open', 'circuit open'));
      }
      return send(url, init)
        .then(
          (response) => {
            if (UNAVAILABLE_STATUSES.has(response.status)) {
              throw new SubgraphUnavailableError(service, 'bad-gateway', `status ${response.status}`);
            }
            breaker.succeeded();
            return response;
          },
          (error: unknown) => {
            const reason = unavailableReason(error);
            if (reason === null) throw error;
            const failure =
              error instanceof SubgraphUnavailableError
                ? error
                : new SubgraphUnavailableError(service, reason, (error as Error).message);
            throw failure;
          },
        )
        .catch((error: unknown) => {
          if (error instanceof SubgraphUnavailableError && error.reason !== 'circuit-open') {
            // Expected: one line, no stack. The client gets SUBGRAPH_UNAVAILABLE (errors.ts).
            logger?.warn({ service, reason: error.reason }, 'subgraph unavailable');
            breaker.failed(admission);
          }
          throw error;
        });
    };

    const send = (url: string, init: SubgraphRequestInit): Promise<SubgraphResponse> =>
      new Promise((resolve, reject) => {
        let outgoing: ClientRequest | undefined;
        let done = false;
        const settle = (outcome: () => void) => {
          if (done) return;
          done = true;
          clearTimeout(deadline);
          waiting.delete(ticket);
          if (outgoing) {
            inFlight -= 1;
            startNext();
          }
          outcome();
        };
        const ticket: Ticket = {
          fail: (error) => settle(() => reject(error)),
          start: () => {
            inFlight += 1;
            outgoing = open(url, init, (response) => settle(() => resolve(response)), ticket.fail);
          },
        };
        // The deadline runs from the call, not from the socket: time spent waiting counts.
        const deadline = setTimeout(() => {
          const error = new SubgraphUnavailableError(
            service,
            'timeout',
            `did not answer within ${timeoutMs} ms: ${url}`,
          );
          if (outgoing) outgoing.destroy(error);
          else ticket.fail(error);
        }, timeoutMs);
        if (inFlight < maxSockets) ticket.start();
        else waiting.add(ticket);
      });

    const open = (
      url: string,
      init: SubgraphRequestInit,
      resolve: (response: SubgraphResponse) => void,
      reject: (error: Error) => void,
    ): ClientRequest => {
      const body = init.body ?? '';
      const method = init.method ?? 'POST';
      const target = new URL(url);
      const signature = options.secret
        ? signSubgraphRequest(body, options.secret, { method, path: `${target.pathname}${target.search}` })
        : {};
      const outgoing = request(
        url,
        {
          method,
          agent,
          headers: { ...init.headers, ...signature, 'content-length': String(Buffer.byteLength(body)) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let received = 0;
          incoming.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxResponseBytes) {
              outgoing.destroy(new Error(`subgraph answer over ${maxResponseBytes} bytes: ${url}`));
              return;
            }
            chunks.push(chunk);
          });
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = incoming.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              statusText: incoming.statusMessage ?? '',
              url,
              headers: headerGetter(incoming.headers),
              json: async () => JSON.parse(text) as unknown,
              text: async () => text,
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
      return outgoing;
    };

    return { fetch, agent, breaker };
  }

  const client = (service: string) => {
    let existing = services.get(service);
    if (!existing) {
      existing = serviceClient(service);
      services.set(service, existing);
    }
    return existing;
  };

  return {
    /** The client of one subgraph: its own sockets, its own circuit. */
    fetcherFor: (service: string) => client(service).fetch,
    fetcher: (url: string, init?: SubgraphRequestInit) => client(new URL(url).host).fetch(url, init),
    /** Each subgraph's circuit: closed, open or half-open. */
    circuits: () => Object.fromEntries([...services].map(([name, state]) => [name, state.breaker.state()])),
    close: () => {
      for (const { agent } of services.values()) agent.destroy();
    },
  };
}
