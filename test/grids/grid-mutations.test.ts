import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { demoWorld } from '../support/world.js';
import {
  errorCodes,
  expectRefused as refusedBy,
  mutation,
  square,
  startGrids,
  type GridsUnderTest,
} from './support.js';

const COMMUNITY = '510116001001';
let world: DemoWorld;
let total: DemoWorld['grids'][number];
let general: DemoWorld['grids'][number];
let micro: DemoWorld['grids'][number];
const ringOf = (gridId: string) =>
  world.boundaries.find((boundary) => boundary.gridId === gridId)!.polygon.coordinates[0]!;
let communityWest: number;
let communitySouth: number;
/** Somewhere no demo grid lies, for a community built from nothing. */
const EMPTY_LAND: [number, number] = [104.3, 30.3];

let under: GridsUnderTest;
let streetAdmin: string;
let communityWorker: string;

beforeAll(async () => {
  world = demoWorld();
  total = world.grids.find((grid) => grid.code === `${COMMUNITY}000`)!;
  general = world.grids.find((grid) => grid.code === `${COMMUNITY}001`)!;
  micro = world.grids.find((grid) => grid.code === `${COMMUNITY}001001`)!;
  [[communityWest, communitySouth]] = ringOf(total.id) as [[number, number]];
  under = await startGrids();
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
  communityWorker = await tokenFor('COMMUNITY_WORKER', [COMMUNITY]);
});
afterAll(() => under?.stop());

const GRID = 'grid { id code name type status parent { code } dedicatedTo dedicatedKind retiredAt boundary { crs } }';
const createGrid = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'createGrid', 'CreateGridInput', input, GRID);
const setBoundary = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'setGridBoundary', 'SetGridBoundaryInput', input, GRID);
const retire = (id: string, token = streetAdmin) =>
  mutation(under.grids, token, 'retireGrid', 'RetireGridInput', { id }, GRID);
const update = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'updateGrid', 'UpdateGridInput', input, GRID);
const createArea = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(
    under.grids,
    token,
    'createArea',
    'CreateAreaInput',
    input,
    'area { code name level parent { code } ancestors { code } }',
  );
const locate = async (lng: number, lat: number) =>
  (await graphql(under.grids.url, `{ locateGrid(lng: ${lng}, lat: ${lat}) { code } }`, { token: streetAdmin })).data
    ?.locateGrid?.code ?? null;

function expectRefused(run: Parameters<typeof refusedBy>[1], expected: string[], key = 'grid') {
  return refusedBy(under.grids, run, expected, key);
}

describe('building a community from nothing', () => {
  it('adds a community, its total grid, a general grid and a micro-grid, and locates a point in the micro-grid', async () => {
    const [lng, lat] = EMPTY_LAND;
    const area = await createArea({
      code: '510116001030',
      name: '新建社区',
      level: 'COMMUNITY',
      parentCode: '510116001',
    });
    expect(area.userErrors).toEqual([]);
    expect(area.area).toEqual({
      code: '510116001030',
      name: '新建社区',
      level: 'COMMUNITY',
      parent: { code: '510116001' },
      ancestors: [{ code: '510100' }, { code: '510116' }, { code: '510116001' }],
    });
    const totalGrid = await createGrid({
      type: 'COMMUNITY_TOTAL',
      code: '510116001030000',
      name: '新建社区总网格',
      boundary: { crs: 'GCJ02', geometry: square(lng, lat, 0.02) },
    });
    expect(totalGrid.userErrors).toEqual([]);
    const generalGrid = await createGrid({
      type: 'GENERAL',
      code: '510116001030001',
      name: '新建第1网格',
      boundary: { crs: 'GCJ02', geometry: square(lng, lat, 0.01) },
    });
    expect(generalGrid.grid).toMatchObject({
      type: 'GENERAL',
      status: 'ACTIVE',
      parent: null,
      boundary: { crs: 'GCJ02' },
    });
    const microGrid = await createGrid({
      type: 'MICRO',
      code: '510116001030001001',
      name: '新建第1微网格',
      parentId: generalGrid.grid.id,
      boundary: { crs: 'GCJ02', geometry: square(lng, lat, 0.005) },
    });
    expect(microGrid.grid).toMatchObject({ code: '510116001030001001', parent: { code: '510116001030001' } });
    expect(await locate(lng + 0.001, lat + 0.001)).toBe('510116001030001001');
    expect(await locate(lng + 0.007, lat + 0.007)).toBe('510116001030001');
    expect(await locate(lng + 0.015, lat + 0.015)).toBe('510116001030000');
  });

  it('adds a dedicated grid naming its organisation and kind', async () => {
    const { grid, userErrors } = await createGrid({
      type: 'DEDICATED',
      code: '510116001030901',
      name: '新建小学专属网格',
      dedicatedTo: '新建小学',
      dedicatedKind: 'SCHOOL',
    });
    expect(userErrors).toEqual([]);
    expect(grid).toMatchObject({ type: 'DEDICATED', dedicatedTo: '新建小学', dedicatedKind: 'SCHOOL', boundary: null });
  });
});

describe('the 3+1 rules refuse', () => {
  it('a second community total grid', () =>
    expectRefused(
      () => createGrid({ type: 'COMMUNITY_TOTAL', code: `${COMMUNITY}000`, name: '第二个总网格' }),
      ['COMMUNITY_TOTAL_EXISTS'],
    ));

  it('a duplicate code', () =>
    expectRefused(() => createGrid({ type: 'GENERAL', code: general.code, name: '重复' }), ['DUPLICATE_CODE']));

  it('a code of the wrong length, or with the total grid suffix', async () => {
    await expectRefused(() => createGrid({ type: 'GENERAL', code: '5101160010010', name: '短' }), ['INVALID_CODE']);
    await expectRefused(
      () => createGrid({ type: 'GENERAL', code: `${COMMUNITY}000`, name: '占用' }),
      ['RESERVED_CODE'],
    );
  });

  it('a grid in a community that is not registered', () =>
    expectRefused(
      () => createGrid({ type: 'GENERAL', code: '510116001099001', name: '无社区' }),
      ['COMMUNITY_NOT_FOUND'],
    ));

  it('a micro-grid without a parent, under a grid that is not general, or with a code not extending its parent', async () => {
    await expectRefused(
      () => createGrid({ type: 'MICRO', code: `${general.code}009`, name: '无上级' }),
      ['PARENT_REQUIRED'],
    );
    await expectRefused(
      () => createGrid({ type: 'MICRO', code: `${total.code}009`, name: '总网格下', parentId: total.id }),
      ['PARENT_NOT_GENERAL'],
    );
    await expectRefused(
      () => createGrid({ type: 'MICRO', code: '510116001002001009', name: '错编码', parentId: general.id }),
      ['CODE_NOT_UNDER_PARENT'],
    );
  });

  it('a parent for a general grid', () =>
    expectRefused(
      () => createGrid({ type: 'GENERAL', code: `${COMMUNITY}009`, name: '有上级', parentId: total.id }),
      ['PARENT_NOT_ALLOWED'],
    ));

  it('a dedicated grid without its organisation, and organisation fields on another grid', async () => {
    await expectRefused(
      () => createGrid({ type: 'DEDICATED', code: `${COMMUNITY}902`, name: '专属' }),
      ['DEDICATED_ORGANISATION_REQUIRED', 'DEDICATED_KIND_REQUIRED'],
    );
    await expectRefused(
      () => createGrid({ type: 'GENERAL', code: `${COMMUNITY}009`, name: '一般', dedicatedTo: '某医院' }),
      ['DEDICATED_FIELDS_NOT_ALLOWED'],
    );
  });

  it('a micro-grid under a retired general grid', async () => {
    const created = await createGrid({ type: 'GENERAL', code: `${COMMUNITY}008`, name: '待撤销网格' });
    expect((await retire(created.grid.id)).grid.status).toBe('RETIRED');
    await expectRefused(
      () => createGrid({ type: 'MICRO', code: `${COMMUNITY}008001`, name: '撤销下', parentId: created.grid.id }),
      ['PARENT_RETIRED'],
    );
  });

  it('a micro-grid drawn outside its parent', () =>
    expectRefused(
      () =>
        createGrid({
          type: 'MICRO',
          code: `${general.code}009`,
          name: '越界',
          parentId: general.id,
          boundary: { crs: 'GCJ02', geometry: square(communityWest - 0.01, communitySouth, 0.002) },
        }),
      ['OUTSIDE_PARENT'],
    ));

  it('a general grid drawn outside its community total grid', () =>
    expectRefused(
      () =>
        createGrid({
          type: 'GENERAL',
          code: `${COMMUNITY}009`,
          name: '越界',
          boundary: { crs: 'GCJ02', geometry: square(104.5, 30.9, 0.002) },
        }),
      ['OUTSIDE_PARENT'],
    ));

  it('an open ring and coordinates out of range, and writes nothing else of the grid', async () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [103.9, 30.5],
          [103.91, 30.5],
          [103.91, 30.51],
          [103.9, 30.51],
        ],
      ],
    };
    await expectRefused(
      () =>
        createGrid({
          type: 'GENERAL',
          code: `${COMMUNITY}009`,
          name: '开环',
          boundary: { crs: 'GCJ02', geometry: open },
        }),
      ['RING_NOT_CLOSED'],
    );
    await expectRefused(
      () =>
        createGrid({
          type: 'GENERAL',
          code: `${COMMUNITY}009`,
          name: '越界坐标',
          boundary: { crs: 'WGS84', geometry: square(181, 30, 0.01) },
        }),
      ['COORDINATE_OUT_OF_RANGE'],
    );
  });

  it('one of two racing requests for the same code', async () => {
    const input = { type: 'GENERAL', code: `${COMMUNITY}007`, name: '并发网格' };
    const results = await Promise.all([createGrid(input), createGrid(input)]);
    expect(results.map((result) => errorCodes(result)).sort()).toEqual([[], ['DUPLICATE_CODE']]);
  });
});

describe('scope', () => {
  it('lets a community worker add a grid in their community only', async () => {
    const own = await createGrid({ type: 'GENERAL', code: `${COMMUNITY}006`, name: '本社区新网格' }, communityWorker);
    expect(own.userErrors).toEqual([]);
    await expectRefused(
      () => createGrid({ type: 'GENERAL', code: '510116001002006', name: '别的社区' }, communityWorker),
      ['OUT_OF_SCOPE'],
    );
  });

  it('keeps a street admin inside their street', () =>
    expectRefused(() => createGrid({ type: 'GENERAL', code: '510115001001006', name: '别的街道' }), ['OUT_OF_SCOPE']));

  it('does not let a community worker touch a grid of another community', async () => {
    const other = world.grids.find((grid) => grid.code === '510116001002001')!;
    await expectRefused(() => update({ id: other.id, name: '改名' }, communityWorker), ['GRID_NOT_FOUND']);
    await expectRefused(() => retire(other.id, communityWorker), ['GRID_NOT_FOUND']);
    await expectRefused(() => setBoundary({ gridId: other.id, boundary: null }, communityWorker), ['GRID_NOT_FOUND']);
  });

  it('keeps areas outside the scope closed', async () => {
    await expectRefused(
      () => createArea({ code: '510115001030', name: '别处社区', level: 'COMMUNITY', parentCode: '510115001' }),
      ['OUT_OF_SCOPE'],
      'area',
    );
  });

  it('refuses every write to a grid worker, who may only read', async () => {
    const token = await tokenFor('GRID_WORKER', [COMMUNITY]);
    const response = await graphql(
      under.grids.url,
      'mutation { retireGrid(input: { id: "x" }) { userErrors { code } } }',
      { token },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('area codes refuse', () => {
  it('a code that is not digits or has the wrong length', () =>
    expectRefused(
      () => createArea({ code: '51011600103X', name: '错码', level: 'COMMUNITY', parentCode: '510116001' }),
      ['INVALID_CODE'],
      'area',
    ));

  it('a code that does not extend its parent', async () => {
    const token = await tokenFor('STREET_ADMIN', ['510116']);
    await expectRefused(
      () => createArea({ code: '510116004030', name: '错上级', level: 'COMMUNITY', parentCode: '510116001' }, token),
      ['CODE_NOT_UNDER_PARENT'],
      'area',
    );
  });

  it('a duplicate code', () =>
    expectRefused(
      () => createArea({ code: '510116001011', name: '花园社区', level: 'COMMUNITY', parentCode: '510116001' }),
      ['DUPLICATE_CODE'],
      'area',
    ));

  it('a parent that does not exist', async () => {
    const token = await tokenFor('STREET_ADMIN', ['510116']);
    await expectRefused(
      () => createArea({ code: '510116009001', name: '无街道', level: 'COMMUNITY', parentCode: '510116009' }, token),
      ['PARENT_NOT_FOUND'],
      'area',
    );
  });
});

describe('updating a grid', () => {
  it('renames a grid and leaves its code alone', async () => {
    const { grid } = await update({ id: micro.id, name: '三义桥578解忧小格' });
    expect(grid).toMatchObject({ code: micro.code, name: '三义桥578解忧小格' });
  });

  it('refuses organisation fields on a general grid', () =>
    expectRefused(() => update({ id: general.id, dedicatedTo: '某医院' }), ['DEDICATED_FIELDS_NOT_ALLOWED']));
});

describe('boundaries', () => {
  it('redraws a micro-grid inside its parent and locates by the new boundary', async () => {
    const fresh = await createGrid({
      type: 'MICRO',
      code: `${general.code}005`,
      name: '新微网格',
      parentId: general.id,
    });
    const [west, south] = ringOf(general.id)[0] as [number, number];
    const { grid, userErrors } = await setBoundary({
      gridId: fresh.grid.id,
      boundary: { crs: 'GCJ02', geometry: square(west, south, 0.0005) },
    });
    expect(userErrors).toEqual([]);
    expect(grid.boundary).toEqual({ crs: 'GCJ02' });
    // The demo micro-grid 001 covers the same corner and has the lower code; clearing the new boundary drops it from the index.
    expect(await locate(west + 0.0001, south + 0.0001)).toBe(micro.code);
    expect((await setBoundary({ gridId: fresh.grid.id, boundary: null })).grid.boundary).toBeNull();
    expect((await retire(fresh.grid.id)).grid.status).toBe('RETIRED');
  });

  it('refuses to shrink a general grid away from its micro-grids', () =>
    expectRefused(
      () =>
        setBoundary({
          gridId: general.id,
          boundary: { crs: 'GCJ02', geometry: square(communityWest, communitySouth, 0.0001) },
        }),
      ['CHILD_OUTSIDE_BOUNDARY'],
    ));

  it('accepts a boundary written inline in the query', async () => {
    const [west, south] = ringOf(general.id)[0] as [number, number];
    const corner = `[${west}, ${south}]`;
    const ring = `[${corner}, [${west + 0.0004}, ${south}], [${west + 0.0004}, ${south + 0.0004}], [${west}, ${south + 0.0004}], ${corner}]`;
    const response = await graphql(
      under.grids.url,
      `mutation { createGrid(input: { type: MICRO, code: "${general.code}006", name: "内联边界", parentId: "${general.id}", boundary: { crs: GCJ02, geometry: { type: "Polygon", coordinates: [${ring}] } } }) { grid { boundary { bbox } } userErrors { code } } }`,
      { token: streetAdmin },
    );
    expect(response.data?.createGrid).toEqual({
      grid: { boundary: { bbox: [west, south, west + 0.0004, south + 0.0004] } },
      userErrors: [],
    });
  });

  it('refuses a micro-grid boundary outside its parent', () =>
    expectRefused(
      () =>
        setBoundary({
          gridId: micro.id,
          boundary: { crs: 'GCJ02', geometry: square(communityWest - 0.01, communitySouth, 0.001) },
        }),
      ['OUTSIDE_PARENT'],
    ));

  it('refuses a self-intersecting boundary', () =>
    expectRefused(
      () =>
        setBoundary({
          gridId: micro.id,
          boundary: {
            crs: 'GCJ02',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [103.9, 30.5],
                  [103.91, 30.51],
                  [103.91, 30.5],
                  [103.9, 30.51],
                  [103.9, 30.5],
                ],
              ],
            },
          },
        }),
      ['SELF_INTERSECTING'],
    ));

  it('accepts a boundary drawn in WGS-84 and compares it in GCJ-02', async () => {
    const fresh = await createGrid({
      type: 'MICRO',
      code: `${general.code}004`,
      name: 'GPS 微网格',
      parentId: general.id,
    });
    const ring = ringOf(general.id);
    const [[west, south], , [east, north]] = ring as [[number, number], unknown, [number, number]];
    // The general grid's middle, in GPS coordinates: about 500 m off if read as GCJ-02.
    const { gcj02ToWgs84 } = await import('../../subgraphs/grids/src/domain/crs.js');
    const [lng, lat] = gcj02ToWgs84([(west + east) / 2, (south + north) / 2]);
    const { userErrors, grid } = await setBoundary({
      gridId: fresh.grid.id,
      boundary: { crs: 'WGS84', geometry: square(lng, lat, 0.0002) },
    });
    expect(userErrors).toEqual([]);
    expect(grid.boundary.crs).toBe('WGS84');
    await setBoundary({ gridId: fresh.grid.id, boundary: null });
    await retire(fresh.grid.id);
  });
});

describe('retiring a grid', () => {
  it('refuses a general grid with active micro-grids and a micro-grid with active staff', async () => {
    await expectRefused(() => retire(general.id), ['HAS_ACTIVE_CHILDREN', 'HAS_ACTIVE_STAFF']);
    await expectRefused(() => retire(micro.id), ['HAS_ACTIVE_STAFF']);
  });

  it('refuses a community total grid while the community has other active grids', () =>
    expectRefused(() => retire(total.id), ['HAS_ACTIVE_CHILDREN']));

  it('keeps a retired grid readable, out of lists and maps unless asked, and refuses to retire it twice', async () => {
    const created = await createGrid({
      type: 'GENERAL',
      code: `${COMMUNITY}005`,
      name: '短命网格',
      boundary: { crs: 'GCJ02', geometry: square(communityWest, communitySouth, 0.001) },
    });
    const retired = await retire(created.grid.id);
    expect(retired.grid).toMatchObject({ status: 'RETIRED', code: `${COMMUNITY}005` });
    expect(retired.grid.retiredAt).not.toBeNull();
    const { data } = await graphql(
      under.grids.url,
      `query($id: ID!) { grid(id: $id) { status } active: grids(areaCode: "${COMMUNITY}", type: GENERAL, first: 50) { edges { node { code } } }
        all: grids(areaCode: "${COMMUNITY}", type: GENERAL, first: 50, includeRetired: true) { edges { node { code } } }
        area(code: "${COMMUNITY}") { gridMap(type: GENERAL) } }`,
      { token: streetAdmin, variables: { id: created.grid.id } },
    );
    const codes = (list: { edges: { node: { code: string } }[] }) => list.edges.map((edge) => edge.node.code);
    expect(data?.grid.status).toBe('RETIRED');
    expect(codes(data?.active)).not.toContain(`${COMMUNITY}005`);
    expect(codes(data?.all)).toContain(`${COMMUNITY}005`);
    expect(data?.area.gridMap.features.map((f: { properties: { code: string } }) => f.properties.code)).not.toContain(
      `${COMMUNITY}005`,
    );
    await expectRefused(() => retire(created.grid.id), ['ALREADY_RETIRED']);
    await expectRefused(() => update({ id: created.grid.id, name: '复活' }), ['GRID_RETIRED']);
  });
});
