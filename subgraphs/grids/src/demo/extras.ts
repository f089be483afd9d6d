/**
 * Demo rows only the grids subgraph holds, derived from the shared world with a Faker of
 * their own, so the world (and every other subgraph's rows) stays exactly as it is:
 * work phones for the staff, a 微网格员 in micro-grids with enough adult residents, and
 * for each 楼栋管家 the building they live in and look after; and community life:
 * service stations, grid party branches, service brands and demonstration points.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import type { OpeningHours, Weekday } from '../domain/opening-hours.js';
import type { PartyBranchEntity, PartyBranchGridEntity, PartyBranchMemberEntity } from '../entities/party-branch.js';
import type { ServiceBrandEntity, ServiceBrandGridEntity } from '../entities/service-brand.js';
import type { ServiceStationEntity } from '../entities/service-station.js';
import { groupBy } from '../../../kit/src/demo/group-by.js';
import type { DemoWorld } from '../../../kit/src/demo/world.js';

type DemoStaff = DemoWorld['staff'][number];

export interface GridsExtras {
  /** Work phone of every staff member, world and extra, by staff id. */
  workPhones: Map<string, string>;
  /** 微网格员 in addition to the world's staff. */
  staff: DemoStaff[];
  assignments: { staffId: string; gridId: string }[];
  /** The building each steward looks after, by staff id. */
  stewardBuildings: Map<string, string>;
}

/** The instant the world's staff were appointed (world.ts anchors at 2026-11-01 less 300 days). */
const APPOINTED = new Date(Date.UTC(2026, 10, 1) - 300 * 86_400_000);

export function generateGridsExtras(world: DemoWorld, seed: number): GridsExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 3 });
  const extras: GridsExtras = { workPhones: new Map(), staff: [], assignments: [], stewardBuildings: new Map() };
  const peopleById = new Map(world.people.map((person) => [person.id, person]));
  const alreadyStaff = new Set(world.staff.map((staff) => staff.personId));
  const residentsOf = groupBy(world.people, (person) => person.gridId);

  for (const micro of world.grids.filter((grid) => grid.type === 'MICRO')) {
    const candidates = (residentsOf.get(micro.id) ?? []).filter(
      (person) => person.phone !== null && !alreadyStaff.has(person.id),
    );
    if (candidates.length < 2) continue;
    const person = faker.helpers.arrayElement(candidates);
    const staff: DemoStaff = {
      id: faker.string.uuid(),
      personId: person.id,
      role: 'MICRO_GRID_WORKER',
      areaCode: micro.code,
      active: true,
      createdAt: APPOINTED,
    };
    extras.staff.push(staff);
    extras.assignments.push({ staffId: staff.id, gridId: micro.id });
  }
  for (const staff of [...world.staff, ...extras.staff]) {
    extras.workPhones.set(
      staff.id,
      `1${faker.helpers.arrayElement(['38', '39', '58', '59', '86', '87', '35', '77'])}${faker.string.numeric(8)}`,
    );
    const home = peopleById.get(staff.personId)?.buildingId;
    if (staff.role === 'BUILDING_STEWARD' && home) extras.stewardBuildings.set(staff.id, home);
  }
  return extras;
}

/*
 * Community life (issue 8): service stations, grid party branches and the community
 * brands of DESIGN.md, from a Faker of its own so the rows above stay as they were.
 */

type DemoHours = OpeningHours;
type StationKind = Exclude<ServiceStationEntity['kind'], 'OTHER'>;

export interface CommunityLife {
  stations: ServiceStationEntity[];
  branches: PartyBranchEntity[];
  branchGrids: PartyBranchGridEntity[];
  branchMembers: PartyBranchMemberEntity[];
  brands: ServiceBrandEntity[];
  brandGrids: ServiceBrandGridEntity[];
}

const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const HOURS: DemoHours[] = [
  { alwaysOpen: false, periods: [{ days: WEEKDAYS, opens: '08:00', closes: '20:00' }] },
  {
    alwaysOpen: false,
    periods: [
      { days: WEEKDAYS.slice(0, 5), opens: '08:30', closes: '18:00' },
      { days: WEEKDAYS.slice(5), opens: '09:00', closes: '17:00' },
    ],
  },
  { alwaysOpen: true, periods: [] },
  { alwaysOpen: false, periods: [{ days: WEEKDAYS, opens: '10:00', closes: '02:00' }] },
];
const EXTRA_SERVICES = [
  'MICROWAVE',
  'TOILET',
  'READING',
  'COOLING_HEATING',
  'FIRST_AID',
  'WIFI',
  'REPAIR_TOOLS',
  'UMBRELLA',
];
const AUDIENCES = [
  'MICRO_GRID_WORKER',
  'GRID_WORKER',
  'DELIVERY_RIDER',
  'COURIER',
  'SANITATION_WORKER',
  'RIDE_HAILING_DRIVER',
  'NEW_EMPLOYMENT_WORKER',
];
/** When the street's stations and branches were registered in the demo. */
const REGISTERED = new Date(Date.UTC(2026, 2, 24));
/** Communities whose general grids get a branch: the three of the brands, and 大学城 (组建网格支部). */
const BRANCH_COMMUNITIES = ['三义桥社区', '紫东阁社区', '双桂社区', '大学城社区'];

export function generateCommunityLife(world: DemoWorld, seed: number): CommunityLife {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 8 });
  const life: CommunityLife = {
    stations: [],
    branches: [],
    branchGrids: [],
    branchMembers: [],
    brands: [],
    brandGrids: [],
  };
  const ringOf = new Map(world.boundaries.map((boundary) => [boundary.gridId, boundary.polygon.coordinates[0] ?? []]));
  const communityNamed = (name: string) => world.areas.find((area) => area.level === 'COMMUNITY' && area.name === name);
  const generalsOf = (communityCode: string) =>
    world.grids.filter((grid) => grid.type === 'GENERAL' && grid.communityCode === communityCode);
  const pointIn = (gridId: string): [number, number] => {
    const ring = ringOf.get(gridId) ?? [];
    const [west, south] = ring[0] ?? [0, 0];
    const [east, north] = ring[2] ?? [0, 0];
    const at = (low: number, high: number) =>
      Math.round((low + (high - low) * faker.number.float({ min: 0.15, max: 0.85 })) * 1e6) / 1e6;
    return [at(west, east), at(south, north)];
  };
  const station = (
    grid: DemoWorld['grids'][number],
    fields: Pick<ServiceStationEntity, 'name' | 'kind' | 'operator' | 'services' | 'audiences' | 'openingHours'>,
  ) => {
    const [lng, lat] = pointIn(grid.id);
    const createdAt = new Date(REGISTERED.getTime() + faker.number.int({ min: 0, max: 200 }) * 86_400_000);
    life.stations.push({
      id: faker.string.uuid(),
      gridId: grid.id,
      areaCode: grid.code,
      ...fields,
      address: null,
      phone: `028-${faker.string.numeric(8)}`,
      lng,
      lat,
      status: 'ACTIVE',
      createdAt,
      updatedAt: createdAt,
      closedAt: null,
      closedReason: null,
    });
  };

  // The station of the article: the district trade union's 微网格员加油站 at 棠湖中心职工驿站.
  const tanghu = communityNamed('棠湖社区');
  const tanghuGrid = tanghu ? generalsOf(tanghu.code)[0] : undefined;
  if (tanghuGrid) {
    station(tanghuGrid, {
      name: '微网格员加油站（棠湖中心职工驿站）',
      kind: 'TRADE_UNION_STATION',
      operator: '双流区总工会',
      services: ['REST', 'HOT_WATER', 'PHONE_CHARGING', 'READING'],
      audiences: ['MICRO_GRID_WORKER', 'DELIVERY_RIDER', 'SANITATION_WORKER', 'COURIER', 'NEW_EMPLOYMENT_WORKER'],
      openingHours: HOURS[0] as DemoHours,
    });
  }
  for (const grid of world.grids.filter((row) => row.type === 'GENERAL' && row.id !== tanghuGrid?.id)) {
    if (faker.number.int(2) !== 0) continue;
    const short = (world.areas.find((area) => area.code === grid.communityCode)?.name ?? '').replace(/社区$/, '');
    const kind = faker.helpers.arrayElement<StationKind>([
      'PARTY_MASS_SERVICE_CENTRE',
      'MICRO_GRID_STATION',
      'PARTNER_MERCHANT',
      'PUBLIC_FACILITY',
    ]);
    const merchant = `${faker.location.street()}${faker.helpers.arrayElement(['便利店', '药房', '书店', '咖啡馆'])}`;
    const names: Record<typeof kind, [string, string]> = {
      TRADE_UNION_STATION: [`${short}职工驿站`, '双流区总工会'],
      PARTY_MASS_SERVICE_CENTRE: [`${grid.name}党群服务站`, `${short}社区党委`],
      MICRO_GRID_STATION: [`${grid.name}微网格员加油站`, `${short}社区居民委员会`],
      PARTNER_MERCHANT: [`爱心驿站·${merchant}`, merchant],
      PUBLIC_FACILITY: [`${short}社区书屋`, `${short}社区居民委员会`],
    };
    const [name, operator] = names[kind];
    station(grid, {
      name,
      kind,
      operator,
      services: [
        'REST',
        'HOT_WATER',
        'PHONE_CHARGING',
        ...faker.helpers.arrayElements(EXTRA_SERVICES, { min: 0, max: 3 }),
      ],
      audiences: faker.helpers.arrayElements(AUDIENCES, { min: 2, max: 5 }),
      openingHours: faker.helpers.arrayElement(HOURS),
    });
  }

  // A branch per general grid in a few communities, of the party members living there.
  const partyMembers = new Set(
    world.tags.filter((tag) => tag.code === 'PARTY_MEMBER' && tag.until === null).map((tag) => tag.personId),
  );
  const generalOfMicro = new Map(
    world.grids.filter((grid) => grid.type === 'MICRO').map((grid) => [grid.id, grid.parentId]),
  );
  const membersOfGeneral = groupBy(
    world.people.filter((person) => partyMembers.has(person.id) && generalOfMicro.get(person.gridId)),
    (person) => generalOfMicro.get(person.gridId) as string,
  );
  for (const community of BRANCH_COMMUNITIES.map(communityNamed)) {
    if (!community) continue;
    generalsOf(community.code).forEach((general, index) => {
      const members = (membersOfGeneral.get(general.id) ?? []).map((person) => person.id);
      const id = faker.string.uuid();
      const secretary = members.length ? faker.helpers.arrayElement(members) : null;
      life.branches.push({
        id,
        name: `${community.name.replace(/社区$/, '')}社区第${index + 1}网格党支部`,
        communityCode: community.code,
        areaCode: general.code,
        secretaryPersonId: secretary,
        createdAt: REGISTERED,
        updatedAt: REGISTERED,
      });
      life.branchGrids.push({ branchId: id, gridId: general.id, gridCode: general.code });
      for (const personId of members)
        life.branchMembers.push({
          id: faker.string.uuid(),
          branchId: id,
          personId,
          joinedAt: REGISTERED,
          leftAt: null,
          currentPersonId: personId,
        });
    });
  }

  // The three brands of DESIGN.md, and two demonstration points.
  const brand = (
    communityName: string,
    name: string,
    kind: CommunityLife['brands'][number]['kind'],
    description: string,
    grids: (community: string) => DemoWorld['grids'],
  ) => {
    const community = communityNamed(communityName);
    // A community the world leaves without residents (a small city) has no grids, nor a brand.
    if (!community || !generalsOf(community.code).length) return;
    const id = faker.string.uuid();
    life.brands.push({
      id,
      communityCode: community.code,
      name,
      kind,
      description,
      createdAt: REGISTERED,
      updatedAt: REGISTERED,
    });
    for (const grid of grids(community.code))
      life.brandGrids.push({ brandId: id, gridId: grid.id, gridCode: grid.code });
  };
  const total = (code: string) => world.grids.filter((grid) => grid.code === `${code}000`);
  const micros = (code: string) => world.grids.filter((grid) => grid.type === 'MICRO' && grid.communityCode === code);
  brand('三义桥社区', '578解忧小格', 'SERVICE_BRAND', '三义桥社区治理服务品牌', total);
  brand('紫东阁社区', '蒲公英', 'SERVICE_BRAND', '“蒲公英”五心微网格员', micros);
  brand('双桂社区', '勤格格', 'SERVICE_BRAND', '双桂社区治理服务品牌', total);
  brand(
    '三义桥社区',
    '三义桥社区党建引领“微网实格”示范点',
    'DEMONSTRATION_POINT',
    '演示数据：东升街道党建引领社区“微网实格”示范点之一',
    (code) => generalsOf(code).slice(0, 1),
  );
  brand(
    '双桂社区',
    '双桂社区党建引领“微网实格”示范点',
    'DEMONSTRATION_POINT',
    '演示数据：东升街道党建引领社区“微网实格”示范点之一',
    (code) => generalsOf(code).slice(0, 1),
  );
  return life;
}
