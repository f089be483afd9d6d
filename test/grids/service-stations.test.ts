import { distance } from '@turf/distance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommunityLife } from '../../subgraphs/grids/src/demo/extras.js';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { gcj02ToWgs84 } from '../../subgraphs/grids/src/domain/crs.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { TEST_SEED } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';
import { expectRefused as refusedBy, mutation, startGrids, type GridsUnderTest } from './support.js';

const COMMUNITY = '510116001001';
let life: ReturnType<typeof generateCommunityLife>;
let general: DemoWorld['grids'][number];
let micro: DemoWorld['grids'][number];
let west: number, south: number, east: number, north: number;
const at = (x: number, y: number): [number, number] => [west + (east - west) * x, south + (north - south) * y];
let inside: [number, number];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const stationInput = () => ({
  gridId: micro.id,
  name: '三义桥微网格员加油站',
  kind: 'MICRO_GRID_STATION',
  operator: '三义桥社区居民委员会',
  address: '东升街道三义桥社区党群服务中心一楼',
  phone: '028-85551234',
  services: ['REST', 'HOT_WATER', 'PHONE_CHARGING', 'MICROWAVE'],
  audiences: ['MICRO_GRID_WORKER', 'DELIVERY_RIDER', 'COURIER'],
  openingHours: {
    periods: [
      { days: WEEKDAYS, opens: '08:30', closes: '18:00' },
      { days: ['SATURDAY', 'SUNDAY'], opens: '09:00', closes: '17:00' },
    ],
  },
  location: { lng: inside[0], lat: inside[1] },
});
let input: ReturnType<typeof stationInput>;

function pickFromWorld() {
  const world = demoWorld();
  life = generateCommunityLife(world, TEST_SEED);
  general = world.grids.find((grid) => grid.code === `${COMMUNITY}001`)!;
  micro = world.grids.find((grid) => grid.code === `${COMMUNITY}001001`)!;
  const ring = world.boundaries.find((boundary) => boundary.gridId === micro.id)!.polygon.coordinates[0]!;
  [[west, south], , [east, north]] = ring as [[number, number], unknown, [number, number]];
  inside = at(0.3, 0.3);
  input = stationInput();
}
const STATION = `station { id name kind kindLabel operator address phone status closedAt closedReason
  services { code label } audiences { code label }
  openingHours { alwaysOpen summary periods { days opens closes } }
  location { lng lat crs } grid { code } }`;

let under: GridsUnderTest;
let streetAdmin: string;
let rider: string;
let created: { id: string };

beforeAll(async () => {
  pickFromWorld();
  under = await startGrids();
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
  rider = await tokenFor('RESIDENT', ['510116001'], { subject: 'rider' });
});
afterAll(() => under?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}, token = streetAdmin) =>
  graphql(under.grids.url, query, { token, variables });
const create = (fields: Record<string, unknown> = {}, token = streetAdmin) =>
  mutation(under.grids, token, 'createServiceStation', 'CreateServiceStationInput', { ...input, ...fields }, STATION);
const update = (fields: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'updateServiceStation', 'UpdateServiceStationInput', fields, STATION);
const close = (fields: Record<string, unknown>, token = streetAdmin) =>
  mutation(under.grids, token, 'closeServiceStation', 'CloseServiceStationInput', fields, STATION);
const expectRefused = (run: Parameters<typeof refusedBy>[1], expected: string[]) =>
  refusedBy(under.grids, run, expected, 'station');
const near = (args: Record<string, unknown>, token = rider) =>
  ask(
    `query($lng: Float!, $lat: Float!, $crs: CoordinateSystem, $radius: Int!, $first: Int, $service: String, $audience: String, $openNow: Boolean) {
      serviceStationsNear(lng: $lng, lat: $lat, crs: $crs, radiusMeters: $radius, first: $first, service: $service, audience: $audience, openNow: $openNow) {
        distanceMeters station { id name services { code } audiences { code } openNow location { lng lat } } } }`,
    args,
    token,
  );
const statements = async (query: string, variables: Record<string, unknown> = {}, token = streetAdmin) => {
  const before = under.grids.db.statements.count;
  const response = await ask(query, variables, token);
  expect(response.errors).toBeUndefined();
  return { count: under.grids.db.statements.count - before, data: response.data };
};

describe('registering a station', () => {
  it('registers a 微网格员加油站 with its services, users, hours and location, inside its micro-grid', async () => {
    const { station, userErrors } = await create();
    expect(userErrors).toEqual([]);
    created = station;
    expect(station).toMatchObject({
      name: '三义桥微网格员加油站',
      kind: 'MICRO_GRID_STATION',
      kindLabel: '微网格员加油站',
      status: 'ACTIVE',
      phone: '028-85551234',
      services: [
        { code: 'REST', label: '临时休息' },
        { code: 'HOT_WATER', label: '热水供应' },
        { code: 'PHONE_CHARGING', label: '手机充电' },
        { code: 'MICROWAVE', label: '微波炉加热' },
      ],
      audiences: [
        { code: 'MICRO_GRID_WORKER', label: '微网格员' },
        { code: 'DELIVERY_RIDER', label: '外卖骑手' },
        { code: 'COURIER', label: '快递员' },
      ],
      openingHours: { alwaysOpen: false, summary: '周一至周五 08:30-18:00；周六、周日 09:00-17:00' },
      location: { lng: inside[0], lat: inside[1], crs: 'GCJ02' },
      grid: { code: micro.code },
    });
  });

  it('lists the station on its micro-grid, its general grid and its community total grid, not on a neighbour', async () => {
    const { data } = await ask(`{ micro: gridByCode(code: "${micro.code}") { serviceStations { id } }
      general: gridByCode(code: "${general.code}") { serviceStations { id } }
      total: gridByCode(code: "${COMMUNITY}000") { serviceStations { id } }
      other: gridByCode(code: "${COMMUNITY}001002") { serviceStations { id } } }`);
    expect(data?.micro.serviceStations).toEqual([{ id: created.id }]);
    const demoInGeneral = life.stations.filter((s) => s.areaCode.startsWith(general.code)).map((s) => s.id);
    expect(data?.general.serviceStations.map((s: { id: string }) => s.id).sort()).toEqual(
      [created.id, ...demoInGeneral].sort(),
    );
    expect(data?.total.serviceStations.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(data?.other.serviceStations).toEqual([]);
  });

  it('takes a GPS location, stores it in GCJ-02 and gives it back in either system', async () => {
    const [lng, lat] = gcj02ToWgs84(at(0.6, 0.6));
    const { station, userErrors } = await create({
      name: 'GPS定位站点',
      location: { lng, lat, crs: 'WGS84' },
      openingHours: { alwaysOpen: true },
    });
    expect(userErrors).toEqual([]);
    expect(station.location.lng).toBeCloseTo(at(0.6, 0.6)[0], 7);
    const { data } = await ask(
      'query($id: ID!) { serviceStation(id: $id) { location(crs: WGS84) { lng lat crs } openingHours { summary } } }',
      { id: station.id },
    );
    expect(data?.serviceStation.location.lng).toBeCloseTo(lng, 7);
    expect(data?.serviceStation.location.lat).toBeCloseTo(lat, 7);
    expect(data?.serviceStation.openingHours.summary).toBe('全天 24 小时开放');
  });

  it('refuses a location outside the grid', () =>
    expectRefused(
      () => create({ name: '越界站点', location: { lng: east + 0.002, lat: north } }),
      ['LOCATION_OUTSIDE_GRID'],
    ));

  it('refuses an unknown service code, naming its position', async () => {
    const { userErrors } = await create({ name: '未知服务', services: ['REST', 'SAUNA'] });
    expect(userErrors).toEqual([
      { code: 'UNKNOWN_SERVICE', field: ['input', 'services', '1'], message: '未知的服务项目编码：SAUNA' },
    ]);
    await expectRefused(
      () => create({ name: '未知对象', services: [], audiences: ['ASTRONAUT'] }),
      ['SERVICES_REQUIRED', 'UNKNOWN_AUDIENCE'],
    );
  });

  it('refuses bad opening hours', async () => {
    const { userErrors } = await create({
      name: '错时站点',
      openingHours: { periods: [{ days: [], opens: '25:00', closes: '18:00' }] },
    });
    expect(userErrors.map((e: { field: string[] | null }) => e.field)).toEqual([
      ['input', 'openingHours', 'periods', '0', 'days'],
      ['input', 'openingHours', 'periods', '0', 'opens'],
    ]);
    await expectRefused(() => create({ name: '无时段', openingHours: { periods: [] } }), ['INVALID_OPENING_HOURS']);
    await expectRefused(
      () => create({ name: '又全天又时段', openingHours: { alwaysOpen: true, periods: input.openingHours.periods } }),
      ['INVALID_OPENING_HOURS'],
    );
    await expectRefused(
      () =>
        create({
          name: '重叠',
          openingHours: {
            periods: [
              { days: ['MONDAY'], opens: '20:00', closes: '03:00' },
              { days: ['TUESDAY'], opens: '02:00', closes: '06:00' },
            ],
          },
        }),
      ['OVERLAPPING_OPENING_HOURS'],
    );
  });

  it('refuses a blank name or operator, a bad phone and swapped coordinates', () =>
    expectRefused(
      () => create({ name: ' ', operator: '', phone: '110', location: { lng: 30.57, lat: 103.9 } }),
      ['INVALID_NAME', 'INVALID_OPERATOR', 'INVALID_PHONE', 'COORDINATE_OUT_OF_RANGE'],
    ));

  it('refuses a second active station of the same name in the grid', () =>
    expectRefused(() => create(), ['DUPLICATE_STATION_NAME']));

  it('does not let a community worker register a station in another community', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001002']);
    await expectRefused(() => create({ name: '别处站点' }, token), ['GRID_NOT_FOUND']);
  });

  it('lets a community worker register one in their own community', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', [COMMUNITY]);
    const { userErrors } = await create(
      { name: '社区自建站点', location: { lng: at(0.8, 0.2)[0], lat: at(0.8, 0.2)[1] } },
      token,
    );
    expect(userErrors).toEqual([]);
  });

  it('needs grid:write: a grid worker or a resident is FORBIDDEN', async () => {
    for (const token of [await tokenFor('GRID_WORKER', [COMMUNITY]), rider]) {
      const response = await ask(
        'mutation($input: CreateServiceStationInput!) { createServiceStation(input: $input) { station { id } } }',
        { input: { ...input, name: '无权' } },
        token,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a station in a retired grid, and keeps a grid with an open station from retiring', async () => {
    const made = await mutation(
      under.grids,
      streetAdmin,
      'createGrid',
      'CreateGridInput',
      { type: 'MICRO', code: `${general.code}009`, name: '将撤销', parentId: general.id },
      'grid { id }',
    );
    const { station } = await create({ gridId: made.grid.id, name: '临时站点' });
    await refusedBy(
      under.grids,
      () => mutation(under.grids, streetAdmin, 'retireGrid', 'RetireGridInput', { id: made.grid.id }, 'grid { id }'),
      ['HAS_ACTIVE_STATIONS'],
      'grid',
    );
    expect((await close({ id: station.id })).userErrors).toEqual([]);
    expect(
      (
        await mutation(
          under.grids,
          streetAdmin,
          'retireGrid',
          'RetireGridInput',
          { id: made.grid.id },
          'grid { status }',
        )
      ).grid,
    ).toEqual({ status: 'RETIRED' });
    await expectRefused(() => create({ gridId: made.grid.id, name: '撤销后站点' }), ['GRID_RETIRED']);
  });
});

describe('changing and closing a station', () => {
  it('changes the services and hours and keeps what was not sent', async () => {
    const { station, userErrors } = await update({
      id: created.id,
      services: ['REST', 'TOILET', 'REST'],
      openingHours: {
        periods: [
          {
            days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
            opens: '07:00',
            closes: '22:00',
          },
        ],
      },
      phone: '',
    });
    expect(userErrors).toEqual([]);
    expect(station).toMatchObject({
      name: input.name,
      operator: input.operator,
      phone: null,
      services: [{ code: 'REST' }, { code: 'TOILET' }],
      openingHours: { summary: '每天 07:00-22:00' },
    });
  });

  it('refuses moving a station out of its grid, an unknown code and a name taken in the grid', async () => {
    await expectRefused(
      () => update({ id: created.id, location: { lng: west - 0.01, lat: south } }),
      ['LOCATION_OUTSIDE_GRID'],
    );
    await expectRefused(() => update({ id: created.id, audiences: ['PILOT'] }), ['UNKNOWN_AUDIENCE']);
    await expectRefused(() => update({ id: created.id, name: 'GPS定位站点' }), ['DUPLICATE_STATION_NAME']);
    await expectRefused(() => update({ id: 'no-such-station', name: '无' }), ['STATION_NOT_FOUND']);
  });

  it('hides a station of another community from a community worker, for reads and writes', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001002']);
    expect(
      (await ask('query($id: ID!) { serviceStation(id: $id) { id } }', { id: created.id }, token)).data?.serviceStation,
    ).toBeNull();
    await expectRefused(() => update({ id: created.id, name: '改名' }, token), ['STATION_NOT_FOUND']);
  });

  it('closes a station: kept and readable, out of the grid list, the map and searches', async () => {
    const { station } = await create({ name: '将关闭站点', location: { lng: at(0.5, 0.5)[0], lat: at(0.5, 0.5)[1] } });
    const closed = await close({ id: station.id, reason: '场地改造' });
    expect(closed.userErrors).toEqual([]);
    expect(closed.station).toMatchObject({ status: 'CLOSED', closedReason: '场地改造' });
    expect(closed.station.closedAt).not.toBeNull();
    const { data } = await ask(
      `query($id: ID!) { serviceStation(id: $id) { status openNow(at: "2026-11-02T03:00:00Z") }
      gridByCode(code: "${micro.code}") { active: serviceStations { id } all: serviceStations(includeClosed: true) { id } }
      area(code: "${COMMUNITY}") { gridMap(layers: [SERVICE_STATIONS]) } }`,
      { id: station.id },
    );
    expect(data?.serviceStation).toEqual({ status: 'CLOSED', openNow: false });
    expect(data?.gridByCode.active.map((s: { id: string }) => s.id)).not.toContain(station.id);
    expect(data?.gridByCode.all.map((s: { id: string }) => s.id)).toContain(station.id);
    expect(data?.area.gridMap.features.map((f: { id: string }) => f.id)).not.toContain(station.id);
    const found = await near({ lng: at(0.5, 0.5)[0], lat: at(0.5, 0.5)[1], radius: 100 });
    expect(found.data?.serviceStationsNear.map((n: { station: { id: string } }) => n.station.id)).not.toContain(
      station.id,
    );
    await expectRefused(() => close({ id: station.id }), ['ALREADY_CLOSED']);
    await expectRefused(() => update({ id: station.id, name: '复用' }), ['STATION_CLOSED']);
  });
});

describe('opening hours on the clock of Asia/Shanghai', () => {
  it('answers openNow for a given instant', async () => {
    const { station } = await create({
      name: '夜间站点',
      location: { lng: at(0.2, 0.8)[0], lat: at(0.2, 0.8)[1] },
      openingHours: {
        periods: [
          { days: ['SUNDAY'], opens: '22:00', closes: '02:00' },
          { days: WEEKDAYS, opens: '09:00', closes: '12:00' },
        ],
      },
    });
    const { data } = await ask(
      `query($id: ID!) { serviceStation(id: $id) {
      sundayNight: openNow(at: "2026-11-08T23:30:00+08:00") mondayEarly: openNow(at: "2026-11-08T17:59:00Z")
      mondayMorning: openNow(at: "2026-11-09T09:00:00+08:00") mondayNoon: openNow(at: "2026-11-09T12:00:00+08:00") } }`,
      { id: station.id },
    );
    expect(data?.serviceStation).toEqual({
      sundayNight: true,
      mondayEarly: true,
      mondayMorning: true,
      mondayNoon: false,
    });
  });
});

describe('a delivery rider finds the nearest stations', () => {
  let origin: [number, number];
  beforeAll(() => {
    origin = inside;
  });

  it('lists the stations within the radius nearest first, with exact distances, for a resident', async () => {
    const { data, errors } = await near({ lng: origin[0], lat: origin[1], radius: 5000, first: 50 });
    expect(errors).toBeUndefined();
    const found: { distanceMeters: number; station: { id: string; location: { lng: number; lat: number } } }[] =
      data?.serviceStationsNear;
    expect(found.length).toBeGreaterThan(2);
    for (const { distanceMeters, station } of found) {
      expect(distanceMeters).toBeCloseTo(
        distance(origin, [station.location.lng, station.location.lat], { units: 'meters' }),
        6,
      );
      expect(distanceMeters).toBeLessThanOrEqual(5000);
    }
    expect(found.map((n) => n.distanceMeters)).toEqual([...found.map((n) => n.distanceMeters)].sort((a, b) => a - b));
    expect(found[0]?.station.id).toBe(created.id);
    // Every demo station within 5 km is there; none beyond.
    const demoWithin = life.stations
      .filter((s) => distance(origin, [s.lng, s.lat], { units: 'meters' }) <= 5000)
      .map((s) => s.id);
    const ids = found.map((n) => n.station.id);
    expect(ids).toEqual(expect.arrayContaining(demoWithin));
    const demoBeyond = life.stations
      .filter((s) => distance(origin, [s.lng, s.lat], { units: 'meters' }) > 5000)
      .map((s) => s.id);
    expect(ids.filter((id) => demoBeyond.includes(id))).toEqual([]);
  });

  it('takes the first few, a GPS position, and filters by service, group and whether open now', async () => {
    const few = await near({ lng: origin[0], lat: origin[1], radius: 5000, first: 2 });
    expect(few.data?.serviceStationsNear).toHaveLength(2);
    const [lng, lat] = gcj02ToWgs84(origin);
    const gps = await near({ lng, lat, crs: 'WGS84', radius: 5000, first: 1 });
    expect(gps.data?.serviceStationsNear[0].station.id).toBe(created.id);
    expect(gps.data?.serviceStationsNear[0].distanceMeters).toBeLessThan(1);
    const toilets = await near({ lng: origin[0], lat: origin[1], radius: 20000, first: 50, service: 'TOILET' });
    expect(toilets.data?.serviceStationsNear.length).toBeGreaterThan(0);
    expect(
      toilets.data?.serviceStationsNear.every((n: { station: { services: { code: string }[] } }) =>
        n.station.services.some((s) => s.code === 'TOILET'),
      ),
    ).toBe(true);
    const sanitation = await near({
      lng: origin[0],
      lat: origin[1],
      radius: 20000,
      first: 50,
      audience: 'SANITATION_WORKER',
    });
    expect(
      sanitation.data?.serviceStationsNear.every((n: { station: { audiences: { code: string }[] } }) =>
        n.station.audiences.some((a) => a.code === 'SANITATION_WORKER'),
      ),
    ).toBe(true);
    const open = await near({ lng: origin[0], lat: origin[1], radius: 20000, first: 50, openNow: true });
    expect(open.data?.serviceStationsNear.every((n: { station: { openNow: boolean } }) => n.station.openNow)).toBe(
      true,
    );
    // The always-open GPS station is open whatever the hour.
    expect(open.data?.serviceStationsNear.map((n: { station: { name: string } }) => n.station.name)).toContain(
      'GPS定位站点',
    );
  });

  it('leaves out what lies beyond the radius', async () => {
    const tight = await near({ lng: origin[0], lat: origin[1], radius: 1, first: 50 });
    expect(tight.data?.serviceStationsNear.map((n: { station: { id: string } }) => n.station.id)).toEqual([created.id]);
    expect((await near({ lng: 104.5, lat: 31.2, radius: 20000 })).data?.serviceStationsNear).toEqual([]);
  });

  it("keeps to the viewer's scope: a volunteer of another community finds none of this one's stations", async () => {
    const volunteer = await tokenFor('VOLUNTEER', ['510116001002']);
    const { data } = await near({ lng: origin[0], lat: origin[1], radius: 20000, first: 50 }, volunteer);
    expect(data?.serviceStationsNear.length).toBeGreaterThan(0);
    expect(data?.serviceStationsNear.map((n: { station: { id: string } }) => n.station.id)).not.toContain(created.id);
  });

  it('refuses a radius, a page or a code out of range, naming the argument', async () => {
    for (const [args, argument] of [
      [{ radius: 0 }, 'radiusMeters'],
      [{ radius: 50_000 }, 'radiusMeters'],
      [{ radius: 1000, first: 0 }, 'first'],
      [{ radius: 1000, first: 51 }, 'first'],
      [{ radius: 1000, service: 'SAUNA' }, 'service'],
      [{ radius: 1000, audience: 'PILOT' }, 'audience'],
      [{ radius: 1000, lat: 95 }, 'lat'],
    ] as const) {
      const response = await near({ lng: origin[0], lat: origin[1], ...args });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('searches with one statement, and one more for the grids of all the stations found', async () => {
    const query =
      'query($lng: Float!, $lat: Float!) { serviceStationsNear(lng: $lng, lat: $lat, radiusMeters: 20000, first: 50) { distanceMeters station { name openNow services { label } grid { code } } } }';
    const { count, data } = await statements(query, { lng: origin[0], lat: origin[1] }, rider);
    expect(data?.serviceStationsNear.length).toBeGreaterThan(3);
    expect(count).toBe(2);
  });

  it('serves the catalogue of codes and labels', async () => {
    const { data } = await ask(
      '{ serviceStationCatalogue { services { code label } audiences { code label } } }',
      {},
      rider,
    );
    expect(data?.serviceStationCatalogue.services).toContainEqual({ code: 'PHONE_CHARGING', label: '手机充电' });
    expect(data?.serviceStationCatalogue.audiences).toContainEqual({ code: 'DELIVERY_RIDER', label: '外卖骑手' });
  });
});

describe('stations on the grid map', () => {
  const query = 'query($code: ID!, $layers: [GridMapLayer!]) { area(code: $code) { gridMap(layers: $layers) } }';

  it('draws the active stations as points beside the grids', async () => {
    const { data } = await ask(query, { code: COMMUNITY });
    const features: {
      id: string;
      geometry: { type: string; coordinates: number[] };
      properties: Record<string, unknown>;
    }[] = data?.area.gridMap.features;
    const points = features.filter((f) => f.properties.layer === 'SERVICE_STATIONS');
    const polygons = features.filter((f) => f.properties.layer === 'GRIDS');
    expect(polygons).toHaveLength(demoWorld().grids.filter((grid) => grid.communityCode === COMMUNITY).length);
    const station = points.find((f) => f.id === created.id)!;
    expect(station.geometry).toEqual({ type: 'Point', coordinates: [inside[0], inside[1]] });
    expect(station.properties).toMatchObject({
      id: created.id,
      name: input.name,
      kind: 'MICRO_GRID_STATION',
      gridId: micro.id,
      gridCode: micro.code,
      services: ['REST', 'TOILET'],
      openingHours: '每天 07:00-22:00',
    });
    expect(typeof station.properties.openNow).toBe('boolean');
    expect(points.every((f) => f.geometry.type === 'Point')).toBe(true);
  });

  it('converts the points to GPS coordinates with the polygons', async () => {
    const { data } = await ask(
      'query($code: ID!) { area(code: $code) { gridMap(crs: WGS84, layers: [SERVICE_STATIONS]) } }',
      { code: COMMUNITY },
    );
    const station = data?.area.gridMap.features.find((f: { id: string }) => f.id === created.id);
    const [lng, lat] = gcj02ToWgs84(inside);
    expect(station.geometry.coordinates[0]).toBeCloseTo(lng, 8);
    expect(station.geometry.coordinates[1]).toBeCloseTo(lat, 8);
    expect(
      data?.area.gridMap.features.every(
        (f: { properties: { layer: string } }) => f.properties.layer === 'SERVICE_STATIONS',
      ),
    ).toBe(true);
  });

  it('costs one statement per layer, for a street as for a community', async () => {
    const street = await statements(query, { code: '510116001' });
    const community = await statements(query, { code: COMMUNITY });
    const gridsOnly = await statements(query, { code: '510116001', layers: ['GRIDS'] });
    // The area itself, then the grids and the stations.
    expect(street.count).toBe(3);
    expect(community.count).toBe(3);
    expect(gridsOnly.count).toBe(2);
    const stationsOnStreet = street.data?.area.gridMap.features.filter(
      (f: { properties: { layer: string } }) => f.properties.layer === 'SERVICE_STATIONS',
    );
    expect(stationsOnStreet.length).toBeGreaterThan(
      life.stations.filter((s) => s.areaCode.startsWith('510116001')).length,
    );
  });
});

describe('listing the stations of a grid', () => {
  it('orders them by name as Chinese readers do, on every database', async () => {
    const { data } = await ask(`{ gridByCode(code: "${micro.code}") { serviceStations { name } } }`);
    // The zh collation: Chinese by pinyin, 三 (san), 社 (she), 夜 (ye), then Latin; the closed station is left out.
    expect(data?.gridByCode.serviceStations.map((s: { name: string }) => s.name)).toEqual([
      '三义桥微网格员加油站',
      '社区自建站点',
      '夜间站点',
      'GPS定位站点',
    ]);
  });
});
