import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { parseScope } from './area-code.js';
import { createLogger } from './logger.js';

export const ROLES = [
  'STREET_ADMIN',
  'COMMUNITY_WORKER',
  'GRID_WORKER',
  'VOLUNTEER',
  'RESIDENT',
  'ANALYST',
  'INTEGRATION',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do by default. A token may add permissions of its own; the domain
 * issues grow this table as they add actions.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  STREET_ADMIN: [
    'person:read',
    'person:write',
    'grid:read',
    'grid:write',
    'volunteer:read',
    'volunteer:write',
    'event:read',
    'event:write',
    'audit:read',
  ],
  COMMUNITY_WORKER: [
    'person:read',
    'person:write',
    'grid:read',
    'grid:write',
    'volunteer:read',
    'volunteer:write',
    'event:read',
    'event:write',
  ],
  GRID_WORKER: ['person:read', 'person:write', 'grid:read', 'volunteer:read', 'event:read', 'event:write'],
  VOLUNTEER: ['grid:read', 'volunteer:read'],
  RESIDENT: ['grid:read', 'volunteer:read'],
  ANALYST: ['person:count', 'grid:read', 'volunteer:read', 'event:read'],
  INTEGRATION: ['person:read', 'person:write', 'grid:read', 'volunteer:read', 'event:read', 'event:write'],
};

export interface Viewer {
  subject: string;
  roles: Role[];
  /** Area-code prefixes: a row is visible when its area code starts with one of them. */
  scopes: string[];
  permissions: Set<string>;
  /** The viewer's own `Person` id when the token names one (residents, volunteers, staff). */
  personId?: string;
}

export interface AuthSettings {
  AUTH_JWT_SECRET?: string | undefined;
  AUTH_PUBLIC_KEY?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_PUBLIC_KEY_ALG: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  NODE_ENV: string;
  /** Longest lifetime (exp - iat, or exp - now without iat) in seconds; 12 hours when unset. */
  AUTH_MAX_TOKEN_TTL?: number | undefined;
  /** Seconds fetched JWKS keys are trusted (jose's cacheMaxAge); 600 when unset. */
  AUTH_JWKS_CACHE_SECONDS?: number | undefined;
  /** Seconds after a JWKS fetch before an unknown key id may fetch again (jose's cooldown); 30 when unset. */
  AUTH_JWKS_COOLDOWN_SECONDS?: number | undefined;
  /** Where the start-up warning about the development secret goes. */
  LOG_LEVEL?: string | undefined;
}

/** Seconds of clock difference tolerated between the token's issuer and this service. */
export const CLOCK_SKEW_SECONDS = 60;
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 12 * 3600;

/** The secret that development tokens are signed with when none is configured. */
export const DEV_JWT_SECRET = 'grid-governance-dev-secret-do-not-use-in-production';

/**
 * A scope is a real area code (2, 4, 6, 9, 12, 15 or 18 digits), kept as the prefix it
 * means (510100 → 5101, 510000 → 51). One that is not refuses the whole token.
 */
const scopeClaim = z.string().transform((scope, context) => {
  const prefix = parseScope(scope);
  if (prefix === null) {
    context.addIssue({ code: 'custom', message: 'scope is not an area code' });
    return z.NEVER;
  }
  return prefix;
});

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  scopes: z
    .array(scopeClaim)
    .default([])
    .transform((scopes) => [...new Set(scopes)]),
  permissions: z.array(z.string()).default([]),
  /** The viewer's own resident record, for residents and volunteers acting on their own data. */
  personId: z.string().min(1).optional(),
});

type KeyInput = Parameters<typeof jwtVerify>[1];

export interface VerifierOptions {
  /** Receives the start-up warning that the development secret is in use (default: the service log). */
  warn?: (message: string) => void;
}

export const DEV_SECRET_WARNING =
  'tokens are checked with the built-in development secret (DEV_JWT_SECRET): anyone can mint them; set AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_JWT_SECRET';

/**
 * Builds a token verifier once at start from the configured key material. The built-in
 * development secret is refused in production, also when configured as AUTH_JWT_SECRET;
 * elsewhere its use is logged once, here, at start.
 */
export function createTokenVerifier(
  settings: AuthSettings,
  options: VerifierOptions = {},
): (token: string) => Promise<Viewer> {
  const production = settings.NODE_ENV === 'production';
  if (production && settings.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error('production refuses the built-in development secret as AUTH_JWT_SECRET');
  }
  let key: KeyInput | Promise<KeyInput>;
  if (settings.AUTH_JWKS_URL) {
    // A key removed from the set stops working once the cached set is older than cacheMaxAge.
    key = createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL), {
      cacheMaxAge: (settings.AUTH_JWKS_CACHE_SECONDS ?? 600) * 1000,
      cooldownDuration: (settings.AUTH_JWKS_COOLDOWN_SECONDS ?? 30) * 1000,
    });
  } else if (settings.AUTH_PUBLIC_KEY) {
    key = importSPKI(settings.AUTH_PUBLIC_KEY, settings.AUTH_PUBLIC_KEY_ALG);
  } else if (settings.AUTH_JWT_SECRET || !production) {
    const secret = settings.AUTH_JWT_SECRET ?? DEV_JWT_SECRET;
    if (secret === DEV_JWT_SECRET) {
      const warn = options.warn ?? ((message) => createLogger('auth', settings.LOG_LEVEL ?? 'info').warn(message));
      warn(DEV_SECRET_WARNING);
    }
    // Imported once: given raw bytes, jose imports the key again for every token.
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
  } else {
    throw new Error('production needs AUTH_PUBLIC_KEY, AUTH_JWKS_URL or AUTH_JWT_SECRET');
  }
  const maxLifetime = settings.AUTH_MAX_TOKEN_TTL ?? DEFAULT_MAX_TOKEN_TTL_SECONDS;
  return async (token) => {
    const resolved = await key;
    const { payload } = await jwtVerify(token, resolved as Parameters<typeof jwtVerify>[1] & Uint8Array, {
      issuer: settings.AUTH_ISSUER,
      audience: settings.AUTH_AUDIENCE,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    const problem = lifetimeProblem(payload, maxLifetime, Math.floor(Date.now() / 1000));
    if (problem) throw new Error(problem);
    return viewerFromClaims(payload);
  };
}

/**
 * What is wrong with a token's times, beyond what jose checks (exp and nbf, with the same
 * skew): it was issued in the future, or it lives longer than allowed. The lifetime is
 * exp - iat, or exp - now when the token does not say when it was issued.
 */
export function lifetimeProblem(payload: JWTPayload, maxLifetime: number, now: number): string | null {
  if (typeof payload.exp !== 'number') return 'token has no exp';
  if (payload.iat !== undefined) {
    if (typeof payload.iat !== 'number') return 'iat is not a number';
    if (payload.iat > now + CLOCK_SKEW_SECONDS) return 'token issued in the future';
    if (payload.exp - payload.iat > maxLifetime) return 'token lifetime too long';
    return null;
  }
  return payload.exp - now > maxLifetime + CLOCK_SKEW_SECONDS ? 'token lifetime too long' : null;
}

export function viewerFromClaims(payload: JWTPayload): Viewer {
  const claims = claimsSchema.parse(payload);
  const permissions = new Set<string>(claims.permissions);
  for (const role of claims.roles) for (const permission of ROLE_PERMISSIONS[role]) permissions.add(permission);
  return {
    subject: claims.sub,
    roles: claims.roles,
    scopes: claims.scopes,
    permissions,
    ...(claims.personId ? { personId: claims.personId } : {}),
  };
}

export function unauthenticated(message = '未登录或令牌无效'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = '无权执行此操作'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Reads the bearer token of a request and verifies it; no token or a bad one is UNAUTHENTICATED. */
export async function authenticate(
  authorization: string | undefined,
  verify: (token: string) => Promise<Viewer>,
): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthenticated();
  try {
    return await verify(match[1]);
  } catch {
    throw unauthenticated();
  }
}

export function requirePermission(viewer: Viewer, permission: string): void {
  if (!viewer.permissions.has(permission)) throw forbidden();
}

export interface TokenRequest {
  subject: string;
  roles: Role[];
  scopes: string[];
  permissions?: string[];
  personId?: string;
  expiresIn?: string;
}

/** Signs a development token (HS256). Used by `npm run token` and by tests. */
export async function signDevToken(
  request: TokenRequest,
  settings: Pick<AuthSettings, 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
): Promise<string> {
  return new SignJWT({
    roles: request.roles,
    scopes: request.scopes,
    permissions: request.permissions ?? [],
    ...(request.personId ? { personId: request.personId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(settings.AUTH_JWT_SECRET ?? DEV_JWT_SECRET));
}
