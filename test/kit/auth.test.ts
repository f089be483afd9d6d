import { decodeJwt, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  authenticate,
  createTokenVerifier,
  DEV_JWT_SECRET,
  DEV_SECRET_WARNING,
  signDevToken,
} from '../../subgraphs/kit/src/auth.js';
import { commonConfig } from '../../subgraphs/kit/src/config.js';

const settings = {
  AUTH_ISSUER: 'grid-governance',
  AUTH_AUDIENCE: 'grid-graph',
  AUTH_PUBLIC_KEY_ALG: 'RS256',
  NODE_ENV: 'development',
};

describe('token checks', () => {
  it("builds the viewer from a development token, with the roles' permissions", async () => {
    const verify = createTokenVerifier(settings);
    const token = await signDevToken(
      { subject: 'u1', roles: ['ANALYST'], scopes: ['510116001'], permissions: ['person:read'] },
      settings,
    );
    const viewer = await authenticate(`Bearer ${token}`, verify);
    expect(viewer.subject).toBe('u1');
    expect(viewer.scopes).toEqual(['510116001']);
    expect(viewer.permissions.has('person:count')).toBe(true);
    expect(viewer.permissions.has('person:read')).toBe(true);
    expect(viewer.permissions.has('person:write')).toBe(false);
  });

  it('refuses a missing header, a wrong scheme, an expired token, another audience and an unknown role', async () => {
    const verify = createTokenVerifier(settings);
    const expectUnauthenticated = (header: string | undefined) =>
      expect(authenticate(header, verify)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expectUnauthenticated(undefined);
    const token = await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510116001'] }, settings);
    await expectUnauthenticated(`Basic ${token}`);
    await expectUnauthenticated(
      `Bearer ${await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: [], expiresIn: '-1m' }, settings)}`,
    );
    await expectUnauthenticated(
      `Bearer ${await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: [] }, { ...settings, AUTH_AUDIENCE: 'elsewhere' })}`,
    );
    const secret = new TextEncoder().encode('grid-governance-dev-secret-do-not-use-in-production');
    const unknownRole = await new SignJWT({ roles: ['SUPERUSER'], scopes: ['51'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer(settings.AUTH_ISSUER)
      .setAudience(settings.AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret);
    await expectUnauthenticated(`Bearer ${unknownRole}`);
  });

  it('in production refuses to start without key material, and verifies RS256 tokens with a public key', async () => {
    expect(() => createTokenVerifier({ ...settings, NODE_ENV: 'production' })).toThrow(/production needs/);
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verify = createTokenVerifier({
      ...settings,
      NODE_ENV: 'production',
      AUTH_PUBLIC_KEY: await exportSPKI(publicKey),
    });
    const token = await new SignJWT({ roles: ['INTEGRATION'], scopes: ['510116'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('hotline-bridge')
      .setIssuer(settings.AUTH_ISSUER)
      .setAudience(settings.AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await authenticate(`Bearer ${token}`, verify)).subject).toBe('hotline-bridge');
    const devToken = await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510116'] }, settings);
    await expect(authenticate(`Bearer ${devToken}`, verify)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

const DEV_SECRET = new TextEncoder().encode(DEV_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A development-secret token with exactly the times given (absent: not set). */
function signed(times: { iat?: number; exp?: number; nbf?: number }, claims: Record<string, unknown> = {}) {
  const jwt = new SignJWT({ roles: ['STREET_ADMIN'], scopes: ['510116001'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
  return jwt.sign(DEV_SECRET);
}

const quiet = { warn: () => {} };

describe('bounded tokens', () => {
  const verify = createTokenVerifier(settings, quiet);
  const accepted = async (token: Promise<string>) => (await authenticate(`Bearer ${await token}`, verify)).subject;
  const refused = async (token: Promise<string>) =>
    expect(authenticate(`Bearer ${await token}`, verify)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });

  it('refuses a token without exp, and one living longer than 12 hours', async () => {
    await refused(signed({ iat: now() }));
    await refused(signed({}));
    await refused(signed({ iat: now(), exp: now() + 100 * 365 * 86_400 }));
    await refused(signed({ iat: now(), exp: now() + 12 * 3600 + 1 }));
    // Without iat the lifetime is what is left of it.
    await refused(signed({ exp: now() + 13 * 3600 }));
    expect(await accepted(signed({ iat: now(), exp: now() + 12 * 3600 }))).toBe('u1');
    expect(await accepted(signed({ exp: now() + 3600 }))).toBe('u1');
    // A token issued 11 hours ago for 12 hours is still within its lifetime.
    expect(await accepted(signed({ iat: now() - 11 * 3600, exp: now() + 3600 }))).toBe('u1');
  });

  it('takes the longest lifetime from AUTH_MAX_TOKEN_TTL', async () => {
    const config = z.object(commonConfig);
    expect(config.parse({}).AUTH_MAX_TOKEN_TTL).toBe(12 * 3600);
    expect(config.parse({ AUTH_MAX_TOKEN_TTL: '30m' }).AUTH_MAX_TOKEN_TTL).toBe(1800);
    expect(config.parse({ AUTH_MAX_TOKEN_TTL: '3600' }).AUTH_MAX_TOKEN_TTL).toBe(3600);
    expect(config.parse({ AUTH_MAX_TOKEN_TTL: '1d' }).AUTH_MAX_TOKEN_TTL).toBe(86_400);
    for (const bad of ['forever', '0', '-1h', '12 hours', '']) {
      expect(config.safeParse({ AUTH_MAX_TOKEN_TTL: bad }).success, bad).toBe(false);
    }
    const hourly = createTokenVerifier({ ...settings, AUTH_MAX_TOKEN_TTL: 3600 }, quiet);
    const hours = async (count: number) => `Bearer ${await signed({ iat: now(), exp: now() + count * 3600 })}`;
    expect((await authenticate(await hours(1), hourly)).subject).toBe('u1');
    await expect(authenticate(await hours(2), hourly)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('allows 60 seconds of clock skew on iat, nbf and exp, and no more', async () => {
    await refused(signed({ iat: now() + 120, exp: now() + 3600 }));
    await refused(signed({ iat: now(), nbf: now() + 120, exp: now() + 3600 }));
    await refused(signed({ iat: now() - 3600, exp: now() - 120 }));
    expect(await accepted(signed({ iat: now() + 30, exp: now() + 3600 }))).toBe('u1');
    expect(await accepted(signed({ iat: now(), nbf: now() + 30, exp: now() + 3600 }))).toBe('u1');
    expect(await accepted(signed({ iat: now() - 3600, exp: now() - 30 }))).toBe('u1');
  });

  it('normalises city and province scopes to their prefixes, and refuses the whole token for one bad scope', async () => {
    const viewer = await authenticate(
      `Bearer ${await signed({ iat: now(), exp: now() + 60 }, { scopes: ['510100', '510000', '510116', '5101', '51'] })}`,
      verify,
    );
    expect(viewer.scopes).toEqual(['5101', '51', '510116']);
    for (const scopes of [['5101160'], ['510116', 'abcdef'], [''], ['510116', '5101%'], [510116], ['51011600101']]) {
      await refused(signed({ iat: now(), exp: now() + 60 }, { scopes }));
    }
  });

  it('refuses the development secret in production, even configured as AUTH_JWT_SECRET', async () => {
    expect(() => createTokenVerifier({ ...settings, NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /development secret/,
    );
    const secret = 'a-real-production-secret-of-enough-length';
    const production = createTokenVerifier({ ...settings, NODE_ENV: 'production', AUTH_JWT_SECRET: secret });
    const devToken = await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510116'] }, settings);
    await expect(authenticate(`Bearer ${devToken}`, production)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const own = await signDevToken(
      { subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510116'] },
      { ...settings, AUTH_JWT_SECRET: secret },
    );
    expect((await authenticate(`Bearer ${own}`, production)).subject).toBe('u1');
  });

  it('warns once at start when the development secret is in use, and not with a configured one', async () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const development = createTokenVerifier(settings, { warn });
    for (let index = 0; index < 3; index += 1) {
      await authenticate(
        `Bearer ${await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510116'] }, settings)}`,
        development,
      );
    }
    expect(warnings).toEqual([DEV_SECRET_WARNING]);
    createTokenVerifier({ ...settings, AUTH_JWT_SECRET: DEV_JWT_SECRET }, { warn });
    expect(warnings).toHaveLength(2);
    createTokenVerifier({ ...settings, AUTH_JWT_SECRET: 'a-secret-of-my-own-long-enough' }, { warn });
    expect(warnings).toHaveLength(2);
  });

  it('mints development tokens that carry iat and exp and pass every check', async () => {
    const token = await signDevToken({ subject: 'u1', roles: ['STREET_ADMIN'], scopes: ['510100'] }, settings);
    const payload = decodeJwt(token);
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    expect((await authenticate(`Bearer ${token}`, verify)).scopes).toEqual(['5101']);
  });
});
