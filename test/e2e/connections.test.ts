import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GRID_CODE } from '../../scripts/example-query.js';
import { gql } from '../generated/gql.js';
import { GridOverviewDocument } from '../generated/graphql.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';

let platform: Platform;
let streetAdmin: string;

beforeAll(async () => {
  platform = await startPlatform();
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => platform?.stop());

/** One counter from a service's Prometheus text. */
async function metric(graphqlUrl: string, name: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`${name} missing from ${graphqlUrl}`);
  return Number(match[1]);
}

const subgraphConnections = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(platform.subgraphs).map(
        async ([name, subgraph]) => [name, await metric(subgraph.url, 'http_connections_accepted_total')] as const,
      ),
    ),
  );

const ask = async () => {
  const { errors } = await graphql(platform.gatewayUrl, GridOverviewDocument, {
    token: streetAdmin,
    variables: { code: EXAMPLE_GRID_CODE },
  });
  expect(errors).toBeUndefined();
};

describe('what the gateway reuses between requests', () => {
  it('plans an operation once: the same query again comes from the plan cache', async () => {
    const before = await metric(platform.gatewayUrl, 'gateway_query_plans_built_total');
    for (let request = 0; request < 10; request += 1) await ask();
    expect((await metric(platform.gatewayUrl, 'gateway_query_plans_built_total')) - before).toBe(1);
    // A different operation is a plan of its own.
    await graphql(platform.gatewayUrl, gql(`query StreetName { area(code: "510116001") { name } }`), {
      token: streetAdmin,
    });
    expect((await metric(platform.gatewayUrl, 'gateway_query_plans_built_total')) - before).toBe(2);
  });

  it('keeps its connections to the subgraphs alive: twenty requests in a row reuse them', async () => {
    await ask();
    const before = await subgraphConnections();
    for (let request = 0; request < 20; request += 1) await ask();
    const after = await subgraphConnections();
    // Without keep-alive each request opens at least one connection to every subgraph it
    // reaches (20 or more). With it, a new one opens only when a plan's parallel fetches to
    // one subgraph overlap for the first time.
    for (const name of Object.keys(before)) expect((after[name] ?? 0) - (before[name] ?? 0)).toBeLessThanOrEqual(2);
    // The example query reaches every subgraph, so each counter has moved since start.
    expect(Object.values(after).every((count) => count > 0)).toBe(true);
  });
});
