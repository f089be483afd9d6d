import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGridsExtras } from '../../subgraphs/grids/src/demo/extras.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { TEST_SEED } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';
import { errorCodes, expectRefused as refusedBy, mutation, startGrids, type GridsUnderTest } from './support.js';

const COMMUNITY = '510116001001';
type DemoGrid = DemoWorld['grids'][number];
type DemoPerson = DemoWorld['people'][number];
let world: DemoWorld;
let extras: ReturnType<typeof generateGridsExtras>;
let general: DemoGrid;
let microA: DemoGrid;
let microB: DemoGrid;
const ringOf = (gridId: string) =>
  world.boundaries.find((boundary) => boundary.gridId === gridId)!.polygon.coordinates[0]!;
const leaderOf = (gridId: string) =>
  world.staff.find(
    (s) => s.role === 'MICRO_GRID_LEADER' && world.assignments.some((a) => a.staffId === s.id && a.gridId === gridId),
  )!;
let residents: DemoPerson[];
let newcomer: DemoPerson;
let other: DemoPerson;

function pickFromWorld() {
  world = demoWorld();
  extras = generateGridsExtras(world, TEST_SEED);
  general = world.grids.find((grid) => grid.code === `${COMMUNITY}001`)!;
  [microA, microB] = world.grids.filter((grid) => grid.parentId === general.id) as [DemoGrid, DemoGrid];
  residents = world.people.filter((person) => person.areaCode.startsWith(COMMUNITY));
  newcomer = residents.find(
    (person) => ![...world.staff, ...extras.staff].some((staff) => staff.personId === person.id),
  )!;
  other = residents.filter(
    (person) =>
      person.id !== newcomer.id && ![...world.staff, ...extras.staff].some((staff) => staff.personId === person.id),
  )[0]!;
}

let under: GridsUnderTest;
let streetAdmin: string;

beforeAll(async () => {
  pickFromWorld();
  under = await startGrids(world.people.map((person) => person.id));
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => under?.stop());

const ASSIGNMENT =
  'assignment { id active startedAt endedAt staff { id role active workPhone person { id } grids { code } } grid { code } building { id } }';
const assign = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'assignStaff', 'AssignStaffInput', input, ASSIGNMENT);
const end = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'endStaffAssignment', 'EndStaffAssignmentInput', input, ASSIGNMENT);
const createBuilding = (input: Record<string, unknown>, token = streetAdmin) =>
  mutation(
    under.grids,
    token,
    'createBuilding',
    'CreateBuildingInput',
    input,
    'building { id name grid { code } location { lng lat crs } serviceCard { microGrid { code } } }',
  );
const staffOf = async (gridId: string, args = '') =>
  (
    await graphql(
      under.grids.url,
      `query($id: ID!) { grid(id: $id) { staff${args} { id role active person { id } } } }`,
      { token: streetAdmin, variables: { id: gridId } },
    )
  ).data?.grid.staff;

function expectRefused(run: Parameters<typeof refusedBy>[1], expected: string[], key = 'assignment') {
  return refusedBy(under.grids, run, expected, key);
}

describe('assigning staff', () => {
  it('assigns a micro-grid worker with a work phone and shows them on the grid and the card', async () => {
    const { assignment, userErrors } = await assign({
      gridId: microA.id,
      personId: newcomer.id,
      role: 'MICRO_GRID_WORKER',
      workPhone: '028-85551234',
    });
    expect(userErrors).toEqual([]);
    expect(assignment).toMatchObject({
      active: true,
      endedAt: null,
      grid: { code: microA.code },
      staff: {
        role: 'MICRO_GRID_WORKER',
        active: true,
        workPhone: '028-85551234',
        person: { id: newcomer.id },
        grids: [{ code: microA.code }],
      },
    });
    expect((await staffOf(microA.id)).map((s: { id: string }) => s.id)).toContain(assignment.staff.id);
    const building = world.buildings.find((b) => b.gridId === microA.id)!;
    const { data } = await graphql(
      under.grids.url,
      'query($id: ID!) { building(id: $id) { serviceCard { microGridWorkers { id workPhone } } } }',
      { token: streetAdmin, variables: { id: building.id } },
    );
    expect(data?.building.serviceCard.microGridWorkers).toContainEqual({
      id: assignment.staff.id,
      workPhone: '028-85551234',
    });
  });

  it('gives a person already serving in a role one more grid, not a second record', async () => {
    const first = (await staffOf(microA.id)).find((s: { person: { id: string } }) => s.person.id === newcomer.id);
    const { assignment } = await assign({ gridId: microB.id, personId: newcomer.id, role: 'MICRO_GRID_WORKER' });
    expect(assignment.staff.id).toBe(first.id);
    expect(assignment.staff.grids.map((g: { code: string }) => g.code).sort()).toEqual([microA.code, microB.code]);
    expect(assignment.staff.workPhone).toBe('028-85551234');
  });

  it('refuses a second active micro-grid leader', () =>
    expectRefused(
      () => assign({ gridId: microA.id, personId: other.id, role: 'MICRO_GRID_LEADER' }),
      ['LEADER_EXISTS'],
    ));

  it('refuses the same person twice in the same role on a grid', () =>
    expectRefused(
      () => assign({ gridId: microA.id, personId: newcomer.id, role: 'MICRO_GRID_WORKER' }),
      ['ALREADY_ASSIGNED'],
    ));

  it('refuses a role on the wrong kind of grid', () =>
    expectRefused(
      () => assign({ gridId: general.id, personId: other.id, role: 'MICRO_GRID_LEADER' }),
      ['ROLE_NOT_FOR_GRID_TYPE'],
    ));

  it('refuses a person the graph does not know', () =>
    expectRefused(
      () => assign({ gridId: microA.id, personId: 'no-such-person', role: 'MICRO_GRID_WORKER' }),
      ['PERSON_NOT_FOUND'],
    ));

  it('refuses a bad work phone and a start in the future', () =>
    expectRefused(
      () =>
        assign({
          gridId: microA.id,
          personId: other.id,
          role: 'MICRO_GRID_WORKER',
          workPhone: '110',
          startedAt: '2099-01-01T00:00:00+08:00',
        }),
      ['INVALID_PHONE', 'INVALID_START'],
    ));

  it('names a building only for a steward, and only a building of the grid', async () => {
    const elsewhere = world.buildings.find((b) => b.gridId !== microA.id)!;
    await expectRefused(
      () => assign({ gridId: microA.id, personId: other.id, role: 'MICRO_GRID_WORKER', buildingId: elsewhere.id }),
      ['BUILDING_NOT_ALLOWED'],
    );
    await expectRefused(
      () => assign({ gridId: microA.id, personId: other.id, role: 'BUILDING_STEWARD', buildingId: elsewhere.id }),
      ['BUILDING_NOT_FOUND'],
    );
  });

  it('refuses assigning to a retired grid', async () => {
    const created = await mutation(
      under.grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'MICRO', code: `${general.code}007`, name: '将撤销', parentId: general.id },
      'grid { id }',
    );
    await mutation(under.grids, streetAdmin, 'retireGrid', 'RetireGridInput', { id: created.grid.id }, 'grid { id }');
    await expectRefused(
      () => assign({ gridId: created.grid.id, personId: other.id, role: 'MICRO_GRID_WORKER' }),
      ['GRID_RETIRED'],
    );
  });

  it('does not let a community worker assign staff in another community', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001002']);
    await expectRefused(
      () => assign({ gridId: microA.id, personId: other.id, role: 'MICRO_GRID_WORKER' }, token),
      ['GRID_NOT_FOUND'],
    );
  });

  it('lets only one of two racing leaders through', async () => {
    const created = await mutation(
      under.grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'MICRO', code: `${general.code}008`, name: '争抢', parentId: general.id },
      'grid { id }',
    );
    const [left, right] = residents.filter((person) => person.id !== newcomer.id).slice(-2) as [
      (typeof residents)[number],
      (typeof residents)[number],
    ];
    const results = await Promise.all([
      assign({ gridId: created.grid.id, personId: left.id, role: 'MICRO_GRID_LEADER' }),
      assign({ gridId: created.grid.id, personId: right.id, role: 'MICRO_GRID_LEADER' }),
    ]);
    expect(results.map((result) => errorCodes(result)).sort()).toEqual([[], ['LEADER_EXISTS']]);
    expect(await staffOf(created.grid.id, '(role: MICRO_GRID_LEADER)')).toHaveLength(1);
  });
});

describe('ending an assignment', () => {
  it('ends the leader, keeps the history, and frees the place for a new leader', async () => {
    const leader = leaderOf(microB.id);
    const ended = await end({ staffId: leader.id, gridId: microB.id });
    expect(ended.userErrors).toEqual([]);
    expect(ended.assignment).toMatchObject({ active: false, staff: { id: leader.id, active: false, grids: [] } });
    expect(ended.assignment.endedAt).not.toBeNull();
    expect((await staffOf(microB.id)).map((s: { id: string }) => s.id)).not.toContain(leader.id);
    const history = await staffOf(microB.id, '(includeEnded: true)');
    expect(history).toContainEqual({
      id: leader.id,
      role: 'MICRO_GRID_LEADER',
      active: false,
      person: { id: leader.personId },
    });
    const next = await assign({ gridId: microB.id, personId: other.id, role: 'MICRO_GRID_LEADER' });
    expect(next.userErrors).toEqual([]);
    const { data } = await graphql(
      under.grids.url,
      'query($id: ID!) { gridStaff(id: $id) { assignments { active startedAt endedAt } } }',
      { token: streetAdmin, variables: { id: leader.id } },
    );
    expect(data?.gridStaff.assignments).toEqual([
      { active: false, startedAt: leader.createdAt.toISOString(), endedAt: ended.assignment.endedAt },
    ]);
  });

  it('refuses ending an assignment that is not open', () =>
    expectRefused(() => end({ staffId: leaderOf(microB.id).id, gridId: microB.id }), ['ASSIGNMENT_NOT_FOUND']));

  it('refuses an end before the start or in the future', async () => {
    const leader = leaderOf(microA.id);
    await expectRefused(
      () => end({ staffId: leader.id, gridId: microA.id, endedAt: '2000-01-01T00:00:00+08:00' }),
      ['END_BEFORE_START'],
    );
    await expectRefused(
      () => end({ staffId: leader.id, gridId: microA.id, endedAt: '2099-01-01T00:00:00+08:00' }),
      ['INVALID_END'],
    );
  });
});

describe('buildings', () => {
  let west: number, south: number, east: number, north: number;
  const buildingInput = () => ({
    gridId: microA.id,
    name: '新建1栋',
    address: '东升街道棠湖路88号',
    units: 2,
    floors: 18,
    householdCount: 72,
  });
  let input: ReturnType<typeof buildingInput>;
  beforeAll(() => {
    [[west, south], , [east, north]] = ringOf(microA.id) as [[number, number], unknown, [number, number]];
    input = buildingInput();
  });

  it('adds a building inside its micro-grid and counts its households on the grids around it', async () => {
    const before = (
      await graphql(under.grids.url, `{ gridByCode(code: "${general.code}") { buildingCount householdCount } }`, {
        token: streetAdmin,
      })
    ).data?.gridByCode;
    const { building, userErrors } = await createBuilding({
      ...input,
      location: { lng: (west + east) / 2, lat: (south + north) / 2 },
    });
    expect(userErrors).toEqual([]);
    expect(building).toMatchObject({
      name: '新建1栋',
      grid: { code: microA.code },
      location: { crs: 'GCJ02' },
      serviceCard: { microGrid: { code: microA.code } },
    });
    const after = (
      await graphql(under.grids.url, `{ gridByCode(code: "${general.code}") { buildingCount householdCount } }`, {
        token: streetAdmin,
      })
    ).data?.gridByCode;
    expect(after).toEqual({ buildingCount: before.buildingCount + 1, householdCount: before.householdCount + 72 });
  });

  it('lets a steward look after the new building, and puts them on its card', async () => {
    const building = (
      await graphql(
        under.grids.url,
        `{ gridByCode(code: "${microA.code}") { buildings(first: 50) { edges { node { id name } } } } }`,
        { token: streetAdmin },
      )
    ).data?.gridByCode.buildings.edges.find((edge: { node: { name: string } }) => edge.node.name === '新建1栋').node;
    const steward = await assign({
      gridId: microA.id,
      personId: other.id,
      role: 'BUILDING_STEWARD',
      buildingId: building.id,
      workPhone: '13912345678',
    });
    expect(steward.assignment.building).toEqual({ id: building.id });
    const { data } = await graphql(
      under.grids.url,
      'query($id: ID!) { building(id: $id) { serviceCard { buildingStewards { id workPhone } } } }',
      { token: streetAdmin, variables: { id: building.id } },
    );
    expect(data?.building.serviceCard.buildingStewards).toEqual([
      { id: steward.assignment.staff.id, workPhone: '13912345678' },
    ]);
  });

  it('refuses a building outside the boundary of its micro-grid', () =>
    expectRefused(
      () => createBuilding({ ...input, name: '越界楼', location: { lng: east + 0.01, lat: north } }),
      ['LOCATION_OUTSIDE_GRID'],
      'building',
    ));

  it('refuses a building in a grid that is not a micro-grid', () =>
    expectRefused(
      () => createBuilding({ ...input, gridId: general.id, name: '一般网格楼' }),
      ['NOT_A_MICRO_GRID'],
      'building',
    ));

  it('refuses a second building of the same name in a micro-grid', () =>
    expectRefused(() => createBuilding(input), ['DUPLICATE_BUILDING_NAME'], 'building'));

  it('refuses impossible numbers', () =>
    expectRefused(
      () => createBuilding({ ...input, name: '怪楼', units: 0, floors: 500, householdCount: -3 }),
      ['INVALID_UNITS', 'INVALID_FLOORS', 'INVALID_HOUSEHOLD_COUNT'],
      'building',
    ));

  it('does not let a community worker add a building in another community', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001002']);
    await expectRefused(() => createBuilding({ ...input, name: '别处楼' }, token), ['GRID_NOT_FOUND'], 'building');
  });

  it('accepts a GPS location inside the micro-grid', async () => {
    const { gcj02ToWgs84 } = await import('../../subgraphs/grids/src/domain/crs.js');
    const [lng, lat] = gcj02ToWgs84([west + (east - west) * 0.3, south + (north - south) * 0.3]);
    const { building, userErrors } = await createBuilding({
      ...input,
      name: 'GPS楼',
      location: { lng, lat, crs: 'WGS84' },
    });
    expect(userErrors).toEqual([]);
    expect(building.location).toEqual({ lng, lat, crs: 'WGS84' });
  });
});
