import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { ALIASES_PER_REQUEST, lookUpMany } from '../../subgraphs/kit/src/graph-lookup.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { tokenFor } from '../support/graphql.js';
import { startSigningRelay } from '../support/signing-relay.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { world } from './support.js';

let grids: TestSubgraph;
/** Grids answers only signed requests: the relay signs as the gateway would. */
let relay: Awaited<ReturnType<typeof startSigningRelay>>;

beforeAll(async () => {
  grids = await startTestSubgraph(gridsSubgraph);
  relay = await startSigningRelay(grids.url);
});
afterAll(async () => {
  await relay?.close();
  await grids?.stop();
});

describe('looking up many entities of another domain', () => {
  it('answers every key in chunks under the alias cap, null for the unknown and the out-of-scope', async () => {
    const inStreet = world()
      .grids.filter((grid) => grid.code.startsWith('510116001'))
      .slice(0, ALIASES_PER_REQUEST * 2 + 5);
    const elsewhere = world().grids.find((grid) => grid.code.startsWith('510115'))!;
    const unknown = randomUUID();
    const runtime = {
      graph: createGraphClient(relay.url),
      authorization: `Bearer ${await tokenFor('STREET_ADMIN', ['510116001'])}`,
    };
    const found = await lookUpMany<{ id: string; code: string }>(
      runtime,
      { field: 'grid', argument: 'id', argumentType: 'ID!', selection: '{ id code }' },
      [...inStreet.map((grid) => grid.id), inStreet[0]!.id, elsewhere.id, unknown],
    );
    expect(inStreet.length).toBeGreaterThan(ALIASES_PER_REQUEST * 2);
    expect(found.size).toBe(inStreet.length + 2);
    for (const grid of inStreet) expect(found.get(grid.id)).toEqual({ id: grid.id, code: grid.code });
    expect(found.get(elsewhere.id)).toBeNull();
    expect(found.get(unknown)).toBeNull();
  });
});
