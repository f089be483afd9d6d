import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextFactory } from '../../gateway/src/auth.js';
import { gatewayConfigSchema } from '../../gateway/src/config.js';
import { createGatewayApp } from '../../gateway/src/server.js';
import { authenticate, createTokenVerifier, DEV_JWT_SECRET, signDevToken } from '../../subgraphs/kit/src/auth.js';
import { createLogger } from '../../subgraphs/kit/src/logger.js';
import { listen } from '../../subgraphs/kit/src/server.js';
import { subgraphConfigSchema } from '../../subgraphs/kit/src/service.js';
import { graphql, TEST_AUTH, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';

/**
 * Issue 14, item 3, tried as an attacker would through the gateway: tokens without an
 * expiry, living a century, issued or valid only in the future, scopes that are not area
 * codes, the built-in development secret against a production service, and keys removed
 * from a JWKS. Each attempt counts as tried, and as held when it is refused with
 * UNAUTHENTICATED and no data.
 */
const tally = { tried: 0, held: 0 };
afterAll(() => {
  // The attack count, for the issue's closing note.
  process.stdout.write(`security/tokens: ${tally.held} of ${tally.tried} attempts held\n`);
});

const DEV_SECRET = new TextEncoder().encode(DEV_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const READ = '{ people(first: 5) { totalCount edges { node { name } } } }';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

interface Forged {
  iat?: number;
  exp?: number;
  nbf?: number;
  claims?: Record<string, unknown>;
  secret?: Uint8Array;
}

/** A STREET_ADMIN token with pii:read, as an attacker would sign it, times and claims as given. */
function forge({ iat, exp, nbf, claims = {}, secret = DEV_SECRET }: Forged): Promise<string> {
  const jwt = new SignJWT({ roles: ['STREET_ADMIN'], scopes: ['510116001'], permissions: ['pii:read'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('attacker')
    .setIssuer(TEST_AUTH.AUTH_ISSUER)
    .setAudience(TEST_AUTH.AUTH_AUDIENCE);
  if (iat !== undefined) jwt.setIssuedAt(iat);
  if (exp !== undefined) jwt.setExpirationTime(exp);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  return jwt.sign(secret);
}

/** Sends a read with the token; held when refused as UNAUTHENTICATED (401) with no data. */
async function attempt(url: string, token: string, query = READ): Promise<boolean> {
  tally.tried += 1;
  const response = await graphql(url, query, { token });
  const held =
    response.status === 401 &&
    response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' &&
    (response.data ?? null) === null;
  if (held) tally.held += 1;
  return held;
}

const YEAR = 365 * 86_400;

describe('token edge cases through the gateway', () => {
  it('answers a well-formed token, so the refusals below are about the token alone', async () => {
    for (const token of [
      await forge({ iat: now(), exp: now() + 3600 }),
      await forge({ iat: now(), exp: now() + 12 * 3600 }),
      await forge({ exp: now() + 3600 }),
      await forge({ iat: now() + 30, nbf: now() + 30, exp: now() + 3600 }),
      await forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['510100'] } }),
      await tokenFor('STREET_ADMIN', ['510116001']),
    ]) {
      const { data, errors } = await graphql(platform.gatewayUrl, READ, { token });
      expect(errors).toBeUndefined();
      expect(data?.people.totalCount).toBeGreaterThan(0);
    }
  });

  const attacks: [string, () => Promise<string>][] = [
    ['no exp at all', () => forge({ iat: now() })],
    ['no exp and no iat', () => forge({})],
    ['exp 100 years ahead', () => forge({ iat: now(), exp: now() + 100 * YEAR })],
    ['exp 100 years ahead without iat', () => forge({ exp: now() + 100 * YEAR })],
    ['exp one second past 12 hours', () => forge({ iat: now(), exp: now() + 12 * 3600 + 1 })],
    ['exp 13 hours ahead without iat', () => forge({ exp: now() + 13 * 3600 })],
    ['iat backdated to stretch the lifetime', () => forge({ iat: now() - 30 * 86_400, exp: now() + 3600 })],
    ['iat ten minutes in the future', () => forge({ iat: now() + 600, exp: now() + 3600 })],
    ['iat a year in the future', () => forge({ iat: now() + YEAR, exp: now() + YEAR + 3600 })],
    ['nbf ten minutes in the future', () => forge({ iat: now(), nbf: now() + 600, exp: now() + 3600 })],
    ['expired two minutes ago', () => forge({ iat: now() - 3600, exp: now() - 120 })],
    ['exp as a string', () => forge({ iat: now(), claims: { exp: String(now() + 3600) } })],
    ['7-digit scope 5101160', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['5101160'] } })],
    ['letters as scope', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['abcdef'] } })],
    ['empty scope', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: [''] } })],
    [
      'good scope beside a bad one',
      () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['510116', '5101160'] } }),
    ],
    ['LIKE wildcard in a scope', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['51%'] } })],
    ['LIKE underscore in a scope', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['5101_6'] } })],
    ['scope of 11 digits', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['51011600101'] } })],
    ['scope of 1 digit', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['5'] } })],
    ['scope as a number', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: [510116] } })],
    ['scope with spaces', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: [' 510116'] } })],
    [
      'scope of full-width digits',
      () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: ['５１０１１６'] } }),
    ],
    ['scopes not a list', () => forge({ iat: now(), exp: now() + 3600, claims: { scopes: '510116' } })],
    [
      'a secret that is not the service’s',
      () => forge({ iat: now(), exp: now() + 3600, secret: new TextEncoder().encode('guessed-secret-guessed-secret') }),
    ],
    [
      'alg none',
      async () => {
        const body = Buffer.from(
          JSON.stringify({ sub: 'attacker', roles: ['STREET_ADMIN'], scopes: ['51'], exp: now() + 3600 }),
        ).toString('base64url');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
      },
    ],
  ];

  it.each(attacks)('refuses a token with %s: UNAUTHENTICATED, no data', async (_, token) => {
    expect(await attempt(platform.gatewayUrl, await token())).toBe(true);
  });
});

describe('the development secret under NODE_ENV=production', () => {
  const productionConfig = (overrides: Record<string, string>) =>
    gatewayConfigSchema.parse({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret-of-32-chars-or-more',
      ...overrides,
    });

  it('keeps a production gateway or subgraph from starting with it as AUTH_JWT_SECRET', () => {
    tally.tried += 2;
    expect(() => createContextFactory(productionConfig({ AUTH_JWT_SECRET: DEV_JWT_SECRET }))).toThrow(
      /development secret/,
    );
    tally.held += 1;
    const subgraph = subgraphConfigSchema('people').parse({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET });
    expect(() => createTokenVerifier(subgraph)).toThrow(/development secret/);
    tally.held += 1;
  });

  it('refuses tokens signed with it at a production gateway over HTTP', async () => {
    const secret = 'a-production-token-secret-nobody-guesses';
    const config = productionConfig({
      AUTH_JWT_SECRET: secret,
      PEOPLE_URL: platform.subgraphs.people.url,
      GRIDS_URL: platform.subgraphs.grids.url,
      VOLUNTEERS_URL: platform.subgraphs.volunteers.url,
      EVENTS_URL: platform.subgraphs.events.url,
    });
    const { app, apollo } = await createGatewayApp(config, createLogger('gateway', 'silent'));
    const gateway = await listen(app, 0, '127.0.0.1', () => apollo.stop());
    try {
      const devToken = await signDevToken(
        { subject: 'attacker', roles: ['STREET_ADMIN'], scopes: ['510116001'], permissions: ['pii:read'] },
        TEST_AUTH,
      );
      expect(await attempt(gateway.url, devToken)).toBe(true);
      expect(await attempt(gateway.url, await forge({ iat: now(), exp: now() + 3600 }))).toBe(true);
      // The configured secret itself is accepted: the gateway answers without any subgraph.
      const own = await signDevToken(
        { subject: 'admin', roles: ['STREET_ADMIN'], scopes: ['510116001'] },
        { ...TEST_AUTH, AUTH_JWT_SECRET: secret },
      );
      const { status, data } = await graphql(gateway.url, '{ __typename }', { token: own });
      expect(status).toBe(200);
      expect(data).toEqual({ __typename: 'Query' });
    } finally {
      await gateway.close();
    }
  });
});

describe('JWKS key rotation over real HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let published: JWK[] = [];
  const keys: Record<string, { privateKey: CryptoKey; jwk: JWK }> = {};

  beforeAll(async () => {
    for (const kid of ['old', 'new', 'next']) {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      keys[kid] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
    }
    server = createServer((req, res) => {
      if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  const signWith = (kid: string) =>
    new SignJWT({ roles: ['INTEGRATION'], scopes: ['510116'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(`signed-by-${kid}`)
      .setIssuer(TEST_AUTH.AUTH_ISSUER)
      .setAudience(TEST_AUTH.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(keys[kid]!.privateKey);

  it('accepts tokens of both published keys, refuses the old one once removed, and takes a new one', async () => {
    published = [keys.old!.jwk, keys.new!.jwk];
    // Keys are trusted for one second after a fetch, and an unknown key id may fetch at once.
    const settings = gatewayConfigSchema.parse({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      AUTH_JWKS_URL: jwksUrl,
      AUTH_JWKS_CACHE_SECONDS: '1',
      AUTH_JWKS_COOLDOWN_SECONDS: '0',
      SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret-of-32-chars-or-more',
    });
    const verify = createTokenVerifier(settings);
    const subjectOf = async (token: string) => (await authenticate(`Bearer ${token}`, verify)).subject;
    const oldToken = await signWith('old');
    const newToken = await signWith('new');
    expect(await subjectOf(oldToken)).toBe('signed-by-old');
    expect(await subjectOf(newToken)).toBe('signed-by-new');

    // A token of a key that is not yet published is refused.
    tally.tried += 1;
    const early = await signWith('next');
    await expect(subjectOf(early)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    tally.held += 1;

    published = [keys.new!.jwk, keys.next!.jwk];
    await new Promise((resolve) => setTimeout(resolve, 1200));
    tally.tried += 1;
    await expect(subjectOf(oldToken)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    tally.held += 1;
    expect(await subjectOf(newToken)).toBe('signed-by-new');
    expect(await subjectOf(await signWith('next'))).toBe('signed-by-next');
    // The same old token signed again now, with a fresh expiry, is refused too.
    tally.tried += 1;
    await expect(subjectOf(await signWith('old'))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    tally.held += 1;
  });
});
