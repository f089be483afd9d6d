import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';

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
}

/** The secret that development tokens are signed with when none is configured. */
export const DEV_JWT_SECRET = 'grid-governance-dev-secret-do-not-use-in-production';

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  scopes: z.array(z.string().regex(/^\d{6,18}$/)).default([]),
  permissions: z.array(z.string()).default([]),
  /** The viewer's own resident record, for residents and volunteers acting on their own data. */
  personId: z.string().min(1).optional(),
});

type KeyInput = Parameters<typeof jwtVerify>[1];

/** Builds a token verifier once at start from the configured key material. */
export function createTokenVerifier(settings: AuthSettings): (token: string) => Promise<Viewer> {
  let key: KeyInput | Promise<KeyInput>;
  if (settings.AUTH_JWKS_URL) {
    key = createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL));
  } else if (settings.AUTH_PUBLIC_KEY) {
    key = importSPKI(settings.AUTH_PUBLIC_KEY, settings.AUTH_PUBLIC_KEY_ALG);
  } else if (settings.AUTH_JWT_SECRET || settings.NODE_ENV !== 'production') {
    // Imported once: given raw bytes, jose imports the key again for every token.
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(settings.AUTH_JWT_SECRET ?? DEV_JWT_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
  } else {
    throw new Error('production needs AUTH_PUBLIC_KEY, AUTH_JWKS_URL or AUTH_JWT_SECRET');
  }
  return async (token) => {
    const resolved = await key;
    const { payload } = await jwtVerify(token, resolved as Parameters<typeof jwtVerify>[1] & Uint8Array, {
      issuer: settings.AUTH_ISSUER,
      audience: settings.AUTH_AUDIENCE,
    });
    return viewerFromClaims(payload);
  };
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
