import { expect } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PolygonGeometry } from '../../subgraphs/grids/src/domain/geometry.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { graphql } from '../support/graphql.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';

/** A square of `side` degrees with its south-west corner at (lng, lat). */
export function square(lng: number, lat: number, side: number): PolygonGeometry {
  const r = (value: number) => Math.round(value * 1e6) / 1e6;
  const [w, s, e, n] = [lng, lat, lng + side, lat + side].map(r) as [number, number, number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/**
 * The graph as the grids subgraph sees it when it checks a person: a stand-in for the
 * gateway that knows the given person ids, so grids tests need no other subgraph.
 */
export async function startStubGraph(
  knownPersonIds: Iterable<string>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const known = new Set(knownPersonIds);
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { id?: string } };
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({ data: { person: variables.id && known.has(variables.id) ? { id: variables.id } : null } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface GridsUnderTest {
  grids: TestSubgraph;
  stop: () => Promise<void>;
}

/** The grids subgraph over a fresh demo database, with a stand-in graph that knows these people. */
export async function startGrids(
  knownPersonIds: Iterable<string> = [],
  options: { residents?: number } = {},
): Promise<GridsUnderTest> {
  const graph = await startStubGraph(knownPersonIds);
  const grids = await startTestSubgraph(gridsSubgraph, { graphUrl: graph.url, ...options });
  return {
    grids,
    stop: async () => {
      await grids.stop();
      await graph.close();
    },
  };
}

const TABLES = [
  'area',
  'grid',
  'grid_cell',
  'building',
  'grid_staff',
  'grid_assignment',
  'service_station',
  'party_branch',
  'party_branch_grid',
  'party_branch_member',
  'service_brand',
  'service_brand_grid',
];

/** Rows and a fingerprint of every grids table, to show that a refused mutation wrote nothing. */
export async function snapshot(subgraph: TestSubgraph): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const rows: Record<string, unknown>[] = await subgraph.db.dataSource.query(`SELECT * FROM ${table}`);
    const lines = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
    result[table] = `${rows.length}:${lines.join('\n')}`;
  }
  return result;
}

/** Runs a mutation and returns its payload; transport or GraphQL errors fail the test. */
export async function mutation<T = any>(
  subgraph: TestSubgraph,
  token: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<T & { userErrors: { code: string; field: string[] | null; message: string }[] }> {
  const response = await graphql(
    subgraph.url,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`,
    { token, variables: { input } },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.[name];
}

export function errorCodes(payload: { userErrors: { code: string }[] }): string[] {
  return payload.userErrors.map((error) => error.code);
}

/**
 * Runs a write that must be refused with exactly these codes, returning no object under
 * `key`, and checks that no table of the subgraph changed.
 */
export async function expectRefused(
  subgraph: TestSubgraph,
  run: () => Promise<{ userErrors: { code: string }[] } & Record<string, unknown>>,
  expected: string[],
  key: string,
): Promise<void> {
  const before = await snapshot(subgraph);
  const payload = await run();
  expect(errorCodes(payload)).toEqual(expected);
  expect(payload[key]).toBeNull();
  expect(await snapshot(subgraph)).toEqual(before);
}
