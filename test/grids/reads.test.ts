import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGridsExtras } from '../../subgraphs/grids/src/demo/extras.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { wgs84ToGcj02, gcj02ToWgs84 } from '../../subgraphs/grids/src/domain/crs.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { TEST_SEED } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';
import { startGrids, type GridsUnderTest } from './support.js';

let world: DemoWorld;
let extras: ReturnType<typeof generateGridsExtras>;
const boundaryOf = (gridId: string) =>
  world.boundaries.find((boundary) => boundary.gridId === gridId)!.polygon.coordinates[0]!;
let micro: DemoWorld['grids'][number];
let general: DemoWorld['grids'][number];

let under: GridsUnderTest;
let streetAdmin: string;

beforeAll(async () => {
  world = demoWorld();
  extras = generateGridsExtras(world, TEST_SEED);
  micro = world.grids.find((grid) => grid.type === 'MICRO' && grid.code.startsWith('510116001001'))!;
  general = world.grids.find((grid) => grid.id === micro.parentId)!;
  under = await startGrids();
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => under?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}, token = streetAdmin) =>
  graphql(under.grids.url, query, { token, variables });
const statements = async (query: string, variables: Record<string, unknown> = {}, token = streetAdmin) => {
  const before = under.grids.db.statements.count;
  const response = await ask(query, variables, token);
  expect(response.errors).toBeUndefined();
  return { count: under.grids.db.statements.count - before, data: response.data };
};

describe('the area tree', () => {
  it('reads from the city down to the micro-grids of a community', async () => {
    const { data } = await ask(`{ area(code: "510116001001") {
      name level ancestors { code name level }
      parent { code children { code } }
      grids(type: GENERAL, first: 5) { edges { node { code children { code type parent { code } } } } }
    } }`);
    expect(data?.area.ancestors).toEqual([
      { code: '510100', name: '成都市', level: 'CITY' },
      { code: '510116', name: '双流区', level: 'DISTRICT' },
      { code: '510116001', name: '东升街道', level: 'STREET' },
    ]);
    expect(data?.area.parent.children).toHaveLength(23);
    const first = data?.area.grids.edges[0].node;
    expect(first.code).toBe(general.code);
    const micros = world.grids.filter((grid) => grid.parentId === general.id).map((grid) => grid.code);
    expect(first.children.map((child: { code: string }) => child.code)).toEqual(micros);
    expect(
      first.children.every(
        (child: { parent: { code: string }; type: string }) =>
          child.parent.code === general.code && child.type === 'MICRO',
      ),
    ).toBe(true);
  });

  it('lists the grids of the whole city under the city code', async () => {
    const token = await tokenFor('STREET_ADMIN', ['510115', '510116']);
    const { data } = await ask(
      '{ area(code: "510100") { ancestors { code } grids(first: 1) { totalCount } } }',
      {},
      token,
    );
    expect(data?.area.ancestors).toEqual([]);
    expect(data?.area.grids.totalCount).toBe(world.grids.length);
  });

  it('finds areas by part of their name, within what the viewer may see', async () => {
    const { data } = await ask(
      '{ all: searchAreas(name: "桥") { code name } streets: searchAreas(name: "街道", level: STREET) { code } literal: searchAreas(name: "%") { code } }',
    );
    expect(data?.all.map((area: { name: string }) => area.name)).toEqual(
      expect.arrayContaining(['三义桥社区', '龙桥社区', '迎春桥社区']),
    );
    expect(data?.all.every((area: { code: string }) => area.code.startsWith('510116001'))).toBe(true);
    // Streets on the path above the scope are visible; neighbouring streets are not.
    expect(data?.streets).toEqual([{ code: '510116001' }]);
    expect(data?.literal).toEqual([]);
  });

  it('refuses an empty search', async () => {
    const response = await ask('{ searchAreas(name: " ") { code } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
  });
});

describe('grids and their details', () => {
  it('serves the kind of a dedicated grid and the boundary as drawn', async () => {
    const dedicated = world.grids.find((grid) => grid.type === 'DEDICATED' && grid.code.startsWith('510116001'))!;
    const { data } = await ask(
      'query($id: ID!) { grid(id: $id) { dedicatedTo dedicatedKind boundary { crs bbox geometry } } }',
      { id: dedicated.id },
    );
    expect(data?.grid.dedicatedTo).toBe(dedicated.dedicatedTo);
    expect(['SCHOOL', 'HOSPITAL', 'MARKET']).toContain(data?.grid.dedicatedKind);
    expect(data?.grid.boundary.crs).toBe('GCJ02');
    expect(data?.grid.boundary.geometry).toEqual(world.boundaries.find((b) => b.gridId === dedicated.id)!.polygon);
    const ring = boundaryOf(dedicated.id);
    expect(data?.grid.boundary.bbox).toEqual([ring[0]![0], ring[0]![1], ring[2]![0], ring[2]![1]]);
  });

  it('leaves polygons out of a page of grids and reads them in one statement when asked', async () => {
    const query =
      'query($first: Int!) { grids(areaCode: "510116001", first: $first) { edges { node { code boundary { crs geometry } } } } }';
    const five = await statements(query, { first: 5 });
    const fifty = await statements(query, { first: 50 });
    expect(fifty.count).toBe(five.count);
    expect(five.count).toBe(2);
    const page = await statements('{ grids(areaCode: "510116001", first: 50) { edges { node { code } } } }');
    expect(page.count).toBe(1);
    const rows: Record<string, unknown>[] = await under.grids.db.dataSource.getRepository('Grid').find({ take: 3 });
    expect(rows.every((row) => !('boundary' in row))).toBe(true);
  });

  it('counts buildings and registered households on a grid and on the grids around it', async () => {
    const inMicro = world.buildings.filter((building) => building.gridId === micro.id);
    const inCommunity = world.buildings.filter((building) => building.areaCode.startsWith('510116001001'));
    const { data } =
      await ask(`{ micro: gridByCode(code: "${micro.code}") { buildingCount householdCount buildings(first: 50) { totalCount edges { node { name } } } }
      total: gridByCode(code: "510116001001000") { buildingCount householdCount } }`);
    expect(data?.micro.buildingCount).toBe(inMicro.length);
    expect(data?.micro.householdCount).toBe(inMicro.reduce((sum, building) => sum + building.householdCount, 0));
    expect(data?.micro.buildings.edges.map((edge: { node: { name: string } }) => edge.node.name).sort()).toEqual(
      inMicro.map((b) => b.name).sort(),
    );
    expect(data?.total).toEqual({
      buildingCount: inCommunity.length,
      householdCount: inCommunity.reduce((sum, b) => sum + b.householdCount, 0),
    });
  });

  it('counts buildings for a page of grids in one statement', async () => {
    const query =
      'query($first: Int!) { grids(type: MICRO, first: $first) { edges { node { buildingCount householdCount } } } }';
    const five = await statements(query, { first: 5 });
    const fifty = await statements(query, { first: 50 });
    expect(fifty.count).toBe(five.count);
    expect(five.count).toBe(2);
  });

  it('gives the people subgraph a building with its grid', async () => {
    const building = world.buildings.find((row) => row.gridId === micro.id)!;
    const { data } = await ask(
      'query($id: ID!) { building(id: $id) { id name address units floors householdCount location { lng lat crs } grid { id code type status } } }',
      { id: building.id },
    );
    expect(data?.building).toEqual({
      id: building.id,
      name: building.name,
      address: building.address,
      units: building.units,
      floors: building.floors,
      householdCount: building.householdCount,
      location: { lng: building.lng, lat: building.lat, crs: 'GCJ02' },
      grid: { id: micro.id, code: micro.code, type: 'MICRO', status: 'ACTIVE' },
    });
  });

  it('resolves building references in one statement however many are asked', async () => {
    const ids = world.buildings.filter((b) => b.areaCode.startsWith('510116001')).map((b) => b.id);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Building { id name } } }';
    const few = await statements(query, { r: ids.slice(0, 3).map((id) => ({ __typename: 'Building', id })) });
    const many = await statements(query, { r: ids.slice(0, 40).map((id) => ({ __typename: 'Building', id })) });
    expect(few.count).toBe(1);
    expect(many.count).toBe(1);
    expect(many.data?._entities).toHaveLength(Math.min(40, ids.length));
  });

  it('hides a building of another community from a community worker', async () => {
    const elsewhere = world.buildings.find((b) => b.areaCode.startsWith('510116001002'))!;
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001001']);
    const { data } = await ask('query($id: ID!) { building(id: $id) { id } }', { id: elsewhere.id }, token);
    expect(data?.building).toBeNull();
  });
});

describe('staff', () => {
  const staffOn = (gridId: string) => {
    const ids = new Set(
      [...world.assignments, ...extras.assignments].filter((a) => a.gridId === gridId).map((a) => a.staffId),
    );
    return [...world.staff, ...extras.staff].filter((staff) => ids.has(staff.id));
  };

  it('keeps answering the auto-dispatch query of the events subgraph', async () => {
    const { data } = await ask(
      'query($id: ID!) { grid(id: $id) { id code type staff { id role } parent { id staff { id role } } } }',
      { id: micro.id },
    );
    expect(data?.grid.staff.map((s: { id: string }) => s.id).sort()).toEqual(
      staffOn(micro.id)
        .map((s) => s.id)
        .sort(),
    );
    expect(data?.grid.parent.staff).toEqual(staffOn(general.id).map((s) => ({ id: s.id, role: s.role })));
  });

  it('filters staff by role and serves work phones', async () => {
    const { data } = await ask(
      'query($id: ID!) { grid(id: $id) { leaders: staff(role: MICRO_GRID_LEADER) { id workPhone active } } }',
      { id: micro.id },
    );
    const leader = staffOn(micro.id).find((s) => s.role === 'MICRO_GRID_LEADER')!;
    expect(data?.grid.leaders).toEqual([{ id: leader.id, workPhone: extras.workPhones.get(leader.id), active: true }]);
  });

  it('serves the assignment history of a staff member with its start', async () => {
    const leader = staffOn(micro.id).find((s) => s.role === 'MICRO_GRID_LEADER')!;
    const { data } = await ask(
      'query($id: ID!) { gridStaff(id: $id) { grids { code } assignments { grid { code } startedAt endedAt active } } }',
      { id: leader.id },
    );
    expect(data?.gridStaff).toEqual({
      grids: [{ code: micro.code }],
      assignments: [
        { grid: { code: micro.code }, startedAt: leader.createdAt.toISOString(), endedAt: null, active: true },
      ],
    });
  });
});

describe('the service card', () => {
  it("lists who looks after a resident's home: leader, workers, the grid worker and the building steward", async () => {
    const steward = world.staff.find((s) => s.role === 'BUILDING_STEWARD' && s.areaCode.startsWith('510116001'))!;
    const building = extras.stewardBuildings.get(steward.id)!;
    const home = world.buildings.find((b) => b.id === building)!;
    const microOfHome = world.grids.find((g) => g.id === home.gridId)!;
    const all = [...world.staff, ...extras.staff];
    const on = (gridId: string, role: string) =>
      all
        .filter(
          (s) =>
            s.role === role &&
            [...world.assignments, ...extras.assignments].some((a) => a.staffId === s.id && a.gridId === gridId),
        )
        .map((s) => ({ id: s.id, person: { id: s.personId }, workPhone: extras.workPhones.get(s.id) }));
    const { data, count } = await statements(
      `query($id: ID!) { building(id: $id) { serviceCard {
        microGrid { code }
        microGridLeader { id person { id } workPhone }
        microGridWorkers { id person { id } workPhone }
        gridWorkers { id person { id } workPhone }
        buildingStewards { id person { id } workPhone }
      } } }`,
      { id: home.id },
    );
    expect(data?.building.serviceCard).toEqual({
      microGrid: { code: microOfHome.code },
      microGridLeader: on(microOfHome.id, 'MICRO_GRID_LEADER')[0],
      microGridWorkers: on(microOfHome.id, 'MICRO_GRID_WORKER'),
      gridWorkers: on(microOfHome.parentId!, 'GRID_WORKER'),
      buildingStewards: [
        { id: steward.id, person: { id: steward.personId }, workPhone: extras.workPhones.get(steward.id) },
      ],
    });
    expect(count).toBeLessThanOrEqual(5);
  });

  it('costs the same statements for the cards of one building as of every building of a street', async () => {
    const query =
      'query($first: Int!) { grids(type: MICRO, first: $first) { edges { node { buildings(first: 10) { edges { node { serviceCard { microGridLeader { workPhone } gridWorkers { workPhone } buildingStewards { id } } } } } } } } }';
    const one = await statements(query, { first: 1 });
    const many = await statements(query, { first: 60 });
    expect(many.count).toBe(one.count);
  });
});

describe('locating a point', () => {
  const ringOf = (gridId: string) => boundaryOf(gridId);
  const inside = (gridId: string, at = 0.5): [number, number] => {
    const ring = ringOf(gridId);
    const [[west, south], , [east, north]] = ring as [[number, number], unknown, [number, number]];
    return [west + (east - west) * at, south + (north - south) * at];
  };
  const locate = (lng: number, lat: number, crs = 'GCJ02', token = streetAdmin) =>
    ask(
      `query($lng: Float!, $lat: Float!, $crs: CoordinateSystem) { locateGrid(lng: $lng, lat: $lat, crs: $crs) { code type } }`,
      { lng, lat, crs },
      token,
    );

  it('finds the demo micro-grid a point lies in', async () => {
    // A corner away from the dedicated grid, which sits in the middle of the first general grid.
    const [lng, lat] = inside(micro.id, 0.1);
    const { data } = await locate(lng, lat);
    expect(data?.locateGrid).toEqual({ code: micro.code, type: 'MICRO' });
  });

  it('finds a dedicated grid before the micro-grid around it', async () => {
    const dedicated = world.grids.find((grid) => grid.type === 'DEDICATED' && grid.code.startsWith('510116001'))!;
    const [lng, lat] = inside(dedicated.id);
    expect((await locate(lng, lat)).data?.locateGrid).toEqual({ code: dedicated.code, type: 'DEDICATED' });
  });

  it('returns null outside every grid', async () => {
    expect((await locate(104.5, 31.2)).data?.locateGrid).toBeNull();
  });

  it('takes a GPS point and finds the grid it lies in on the map', async () => {
    const [lng, lat] = gcj02ToWgs84(inside(micro.id, 0.1));
    expect((await locate(lng, lat, 'WGS84')).data?.locateGrid.code).toBe(micro.code);
    expect(wgs84ToGcj02([lng, lat])[0]).toBeCloseTo(inside(micro.id, 0.1)[0], 8);
  });

  it('returns null for a grid outside the viewer scope', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001002']);
    const [lng, lat] = inside(micro.id, 0.1);
    expect((await locate(lng, lat, 'GCJ02', token)).data?.locateGrid).toBeNull();
  });

  it('refuses a latitude out of range', async () => {
    const response = await locate(103.9, 95);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lat' });
  });

  it('reads the candidates with one statement', async () => {
    const [lng, lat] = inside(micro.id, 0.1);
    const { count } = await statements(
      'query($lng: Float!, $lat: Float!) { locateGrid(lng: $lng, lat: $lat) { id } }',
      { lng, lat },
    );
    expect(count).toBe(1);
  });
});

describe('the grid map', () => {
  // The grid layer alone; service-stations.test.ts draws the stations beside it.
  const query = 'query($code: ID!, $type: GridType) { area(code: $code) { gridMap(type: $type, layers: [GRIDS]) } }';

  it('draws every grid of a street with its name, code, type and ids', async () => {
    const { data } = await ask(query, { code: '510116001' });
    const map = data?.area.gridMap;
    expect(map.type).toBe('FeatureCollection');
    expect(map.coordinateSystem).toBe('GCJ02');
    expect(map.features).toHaveLength(world.grids.filter((grid) => grid.code.startsWith('510116001')).length);
    const feature = map.features.find((f: { id: string }) => f.id === micro.id);
    expect(feature).toMatchObject({
      type: 'Feature',
      geometry: world.boundaries.find((b) => b.gridId === micro.id)!.polygon,
      properties: {
        layer: 'GRIDS',
        id: micro.id,
        code: micro.code,
        name: micro.name,
        type: 'MICRO',
        parentId: general.id,
        communityCode: micro.communityCode,
      },
    });
  });

  it('draws one type only when asked', async () => {
    const { data } = await ask(query, { code: '510116001001', type: 'MICRO' });
    expect(data?.area.gridMap.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
      world.grids.filter((g) => g.type === 'MICRO' && g.communityCode === '510116001001').map((g) => g.code),
    );
  });

  it('uses one statement for a street as for a community', async () => {
    const street = await statements(query, { code: '510116001' });
    const community = await statements(query, { code: '510116001001' });
    // The area itself, then the map.
    expect(street.count).toBe(2);
    expect(community.count).toBe(2);
  });
});
