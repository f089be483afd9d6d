import { z } from 'zod';

/**
 * Parses the environment once at start against one zod schema. A bad value stops the
 * service with a single line naming the variable, so an operator sees at once what to fix.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  exit: (line: string) => never = exitWithLine,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.join('.') ?? '(unknown)';
  return exit(`config error: ${variable}: ${issue?.message ?? 'invalid value'}`);
}

function exitWithLine(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/**
 * Ports that fetch refuses to connect to ("bad port", the Fetch standard's list as undici
 * has it in lib/web/fetch/constants.js): a service there could be reached by curl but not
 * by the gateway or another service, so the config refuses them at start.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const BLOCKED_PORT_MESSAGE = 'is on the list of ports fetch refuses (Node cannot call it); choose another port';

export const port = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(fallback)
    .refine((value) => !FETCH_BLOCKED_PORTS.has(value), { message: BLOCKED_PORT_MESSAGE });

/** An http(s) URL whose port fetch can reach. */
export const fetchableUrl = (fallback: string) =>
  z
    .url()
    .default(fallback)
    .refine((url) => !FETCH_BLOCKED_PORTS.has(Number(new URL(url).port)), { message: `port ${BLOCKED_PORT_MESSAGE}` });

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds of a duration written as seconds (`3600`) or with a unit (`30m`, `12h`, `1d`); null when unreadable. */
export function durationSeconds(value: string): number | null {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * (DURATION_UNITS[match[2] || 's'] ?? 1);
}

/**
 * The interface a service listens on: loopback unless production sets it deliberately
 * (subgraphs only ever need to be reached by the gateway).
 */
export const host = () => z.string().min(1).default('127.0.0.1');

export const databaseUrl = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((url) => url.startsWith('sqlite:') || url.startsWith('mysql://'), {
      message: 'must start with sqlite: or mysql://',
    });

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Settings every service shares: how tokens are checked, logging, mode. */
export const commonConfig = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HS256 secret for development tokens. Production sets a public key or a JWKS URL instead. */
  AUTH_JWT_SECRET: z.string().min(16).optional(),
  /** PEM-encoded SPKI public key (RS256 or ES256). */
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_PUBLIC_KEY_ALG: z.enum(['RS256', 'ES256', 'EdDSA']).default('RS256'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().default('grid-governance'),
  AUTH_AUDIENCE: z.string().default('grid-graph'),
  /** Longest token lifetime accepted (exp - iat): seconds, or a duration such as `30m`, `12h`, `1d`. */
  AUTH_MAX_TOKEN_TTL: z
    .string()
    .default('12h')
    .transform((value, context) => {
      const seconds = durationSeconds(value);
      if (seconds === null || seconds <= 0) {
        context.addIssue({ code: 'custom', message: 'must be seconds or a duration such as 30m, 12h or 1d' });
        return z.NEVER;
      }
      return seconds;
    }),
  /** How long fetched JWKS keys are trusted before the set is fetched again (seconds): a removed key stops working after it. */
  AUTH_JWKS_CACHE_SECONDS: z.coerce.number().int().min(0).default(600),
  /** After a fetch, how long an unknown key id waits before it may trigger another fetch (seconds). */
  AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
  /** The gateway, for a subgraph that needs another domain's data (always with the caller's token). */
  GRAPH_URL: fetchableUrl('http://127.0.0.1:4000/graphql'),
  /**
   * Connections each subgraph keeps to MySQL. Four subgraphs share one server: past about
   * twice its cores in running statements, heavy aggregates only queue and thrash its caches.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** How long a service waits for its database at start, retrying with backoff, before it exits (seconds). */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /** On SIGTERM or SIGINT, how long in-flight requests may take to finish before connections are cut (seconds). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Seed demo data into an empty database at start. */
  DEMO_DATA: booleanish.default(true),
  DEMO_SEED: z.coerce.number().int().default(20261129),
  DEMO_RESIDENTS: z.coerce.number().int().min(0).max(5_000_000).default(3000),
  /** Residents per community: more residents make more communities, not denser ones. Unset: the 37 real communities. */
  DEMO_COMMUNITY_RESIDENTS: z.coerce.number().int().min(100).optional(),
  /** Query limits: the gateway and every subgraph apply the same (kit/query-limits.ts). */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  QUERY_MAX_COST: z.coerce.number().int().min(100).default(20_000),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(4_000),
  /** Objects in the lists of one subgraph response; past it the request is refused. */
  RESPONSE_MAX_OBJECTS: z.coerce.number().int().min(10).default(100_000),
  /** Schema introspection: on in development and tests, off in production unless set to true. */
  INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  /**
   * The gateway signs every subgraph request with this secret; subgraphs refuse what it
   * did not sign. Required in production (the same value in all five services).
   */
  SUBGRAPH_SHARED_SECRET: z.string().min(32).optional(),
};

/** Introspection as configured, else on everywhere but production. */
export function introspectionEnabled(config: { NODE_ENV: string; INTROSPECTION?: boolean | undefined }): boolean {
  return config.INTROSPECTION ?? config.NODE_ENV !== 'production';
}
