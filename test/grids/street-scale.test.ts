import { distance } from '@turf/distance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommunityLife } from '../../subgraphs/grids/src/demo/extras.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { cellOf } from '../../subgraphs/grids/src/domain/cells.js';
import { locateCandidatesQuery } from '../../subgraphs/grids/src/queries/locate-grid.js';
import { viewerFromClaims } from '../../subgraphs/kit/src/auth.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { TEST_SEED } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';
import { startGrids, type GridsUnderTest } from './support.js';

/** DESIGN's street scale: 156,000 residents, about 3,000 micro-grids with boundaries. */
const RESIDENTS = 156_000;
const STREET = '510116001';
let world: DemoWorld;
let life: ReturnType<typeof generateCommunityLife>;
let micros: DemoWorld['grids'];
let target: DemoWorld['grids'][number];
let point: [number, number];

function pickFromWorld() {
  world = demoWorld({ seed: TEST_SEED, residents: RESIDENTS });
  life = generateCommunityLife(world, TEST_SEED);
  micros = world.grids.filter((grid) => grid.type === 'MICRO');
  target = micros.find((grid) => grid.code.startsWith(`${STREET}005`))!;
  const ring = world.boundaries.find((boundary) => boundary.gridId === target.id)!.polygon.coordinates[0]!;
  point = [ring[0]![0] + (ring[2]![0] - ring[0]![0]) * 0.3, ring[0]![1] + (ring[2]![1] - ring[0]![1]) * 0.3];
}
const viewer = viewerFromClaims({ sub: 'scale', roles: ['STREET_ADMIN'], scopes: ['510115', '510116'] });

let under: GridsUnderTest;
let token: string;

beforeAll(async () => {
  pickFromWorld();
  under = await startGrids([], { residents: RESIDENTS });
  token = await tokenFor('STREET_ADMIN', ['510115', '510116']);
  // Seeding 156,000 residents' grids takes a minute on a quiet machine; more when it is busy.
}, 300_000);
afterAll(() => under?.stop());

async function measure(query: string, variables: Record<string, unknown>) {
  const before = under.grids.db.statements.count;
  const response = await graphql(under.grids.url, query, { token, variables });
  expect(response.errors).toBeUndefined();
  return { statements: under.grids.db.statements.count - before, data: response.data };
}

describe('at street scale', () => {
  it('has about 3,000 micro-grids with boundaries', () => {
    expect(micros.length).toBeGreaterThanOrEqual(2900);
    expect(world.boundaries.length).toBe(world.grids.length);
  });

  it('locates a point with one statement that reads one cell of the index and returns only the grids whose box holds the point', async () => {
    const { statements, data } = await measure(
      'query($lng: Float!, $lat: Float!) { locateGrid(lng: $lng, lat: $lat) { code } }',
      { lng: point[0], lat: point[1] },
    );
    expect(data?.locateGrid.code).toBe(target.code);
    expect(statements).toBe(1);

    const { cellX, cellY } = cellOf(point[0], point[1]);
    const [{ n: cellRows }] = await under.grids.db.dataSource.query(
      'SELECT COUNT(*) AS n FROM grid_cell WHERE cell_x = ? AND cell_y = ?',
      [cellX, cellY],
    );
    const candidates = await locateCandidatesQuery(under.grids.db.dataSource, viewer, point).getMany();
    // The micro-grid, its general grid and its community total grid; never the thousands of others.
    expect(candidates.map((grid) => grid.type).sort()).toEqual(['COMMUNITY_TOTAL', 'GENERAL', 'MICRO']);
    expect(Number(cellRows)).toBeLessThan(200);
    expect(Number(cellRows)).toBeLessThan(world.grids.length / 10);
  });

  it('looks the cell up through the primary key, not by scanning', async () => {
    const [sql, params] = locateCandidatesQuery(under.grids.db.dataSource, viewer, point).getQueryAndParameters();
    if (under.grids.db.kind === 'sqlite') {
      const plan: { detail: string }[] = await under.grids.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
      const cell = plan.find((step) => /\bcell\b/.test(step.detail))!;
      expect(cell.detail).toMatch(/^SEARCH cell USING (PRIMARY KEY|INDEX|COVERING INDEX)/);
    } else {
      const plan: { table: string; type: string; key: string | null }[] = await under.grids.db.dataSource.query(
        `EXPLAIN ${sql}`,
        params,
      );
      const cell = plan.find((step) => step.table === 'cell')!;
      expect(['ref', 'eq_ref', 'range', 'const']).toContain(cell.type);
      expect(cell.key).toBe('PRIMARY');
    }
  });

  it('draws the map of a street with as many statements as the map of a community', async () => {
    const query = 'query($code: ID!) { area(code: $code) { gridMap } }';
    const street = await measure(query, { code: STREET });
    const community = await measure(query, { code: `${STREET}001` });
    const layer = (data: typeof street.data, name: string) =>
      data?.area.gridMap.features.filter((f: { properties: { layer: string } }) => f.properties.layer === name);
    expect(layer(street.data, 'GRIDS').length).toBe(world.grids.filter((grid) => grid.code.startsWith(STREET)).length);
    expect(layer(community.data, 'GRIDS').length).toBe(
      world.grids.filter((grid) => grid.code.startsWith(`${STREET}001`)).length,
    );
    expect(layer(street.data, 'SERVICE_STATIONS').length).toBe(
      life.stations.filter((station) => station.areaCode.startsWith(STREET)).length,
    );
    expect(street.statements).toBe(community.statements);
    // The area, the grids, the stations.
    expect(street.statements).toBe(3);
  });

  it('finds the stations near a point with one statement that reads a band of the (lat, lng) index', async () => {
    const origin: [number, number] = [life.stations[0]!.lng, life.stations[0]!.lat];
    const { statements, data } = await measure(
      'query($lng: Float!, $lat: Float!) { serviceStationsNear(lng: $lng, lat: $lat, radiusMeters: 3000, first: 50) { distanceMeters station { id } } }',
      {
        lng: origin[0],
        lat: origin[1],
      },
    );
    expect(statements).toBe(1);
    const expected = life.stations
      .map((station) => ({ id: station.id, d: distance(origin, [station.lng, station.lat], { units: 'meters' }) }))
      .filter((station) => station.d <= 3000)
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
    expect(data?.serviceStationsNear.map((n: { station: { id: string } }) => n.station.id)).toEqual(
      expected.slice(0, 50).map((station) => station.id),
    );
    const sql = 'SELECT id FROM service_station WHERE lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?';
    const params = [origin[1] - 0.03, origin[1] + 0.03, origin[0] - 0.03, origin[0] + 0.03];
    if (under.grids.db.kind === 'sqlite') {
      const plan: { detail: string }[] = await under.grids.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
      expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX idx_service_station_lat_lng/);
    } else {
      const plan: { possible_keys: string | null }[] = await under.grids.db.dataSource.query(`EXPLAIN ${sql}`, params);
      expect(plan[0]?.possible_keys ?? '').toContain('idx_service_station_lat_lng');
    }
  });
});
