import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { authenticate, createTokenVerifier, signDevToken } from '../../subgraphs/kit/src/auth.js';

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
