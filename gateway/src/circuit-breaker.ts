export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses every request before letting one probe through. */
  coolDownMs: number;
  /** The clock, for tests. */
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/** What a caller may do now: send (`go`), send as the one probe of a half-open circuit, or fail at once. */
export type Admission = 'go' | 'probe' | 'reject';

export interface CircuitListener {
  opened?(failures: number): void;
  halfOpened?(rejected: number): void;
  closed?(rejected: number): void;
}

/**
 * One circuit per subgraph. Closed: every request goes, and `failureThreshold` failures in
 * a row open it. Open: every request fails at once for `coolDownMs`, so a dead or stalled
 * subgraph costs no socket and no wait. Then half-open: one probe goes while the rest still
 * fail fast; its success closes the circuit, its failure opens it for another cool-down.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions, listener: CircuitListener = {}) {
  const now = options.now ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let probing = false;
  // Requests refused since the circuit last opened: reported when it half-opens or closes.
  let rejected = 0;

  const open = () => {
    state = 'open';
    openedAt = now();
    probing = false;
    listener.opened?.(failures);
  };

  return {
    state: (): CircuitState => state,
    admit(): Admission {
      if (state === 'closed') return 'go';
      if (state === 'open' && now() - openedAt >= options.coolDownMs) {
        state = 'half-open';
        listener.halfOpened?.(rejected);
      }
      if (state === 'half-open' && !probing) {
        probing = true;
        return 'probe';
      }
      rejected += 1;
      return 'reject';
    },
    succeeded(): void {
      failures = 0;
      if (state === 'closed') return;
      state = 'closed';
      probing = false;
      listener.closed?.(rejected);
      rejected = 0;
    },
    failed(admission: Admission): void {
      failures += 1;
      if (admission === 'probe' || (state === 'closed' && failures >= options.failureThreshold)) open();
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
