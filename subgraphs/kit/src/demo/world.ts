/**
 * The demo world: one deterministic description of every row in all four databases,
 * generated from a seed. Each subgraph inserts its own part, so ids line up across
 * databases without any subgraph reading another's.
 */
import { fakerZH_CN, type Faker } from '@faker-js/faker';
import { makeIdNumber } from '../id-number-check.js';
import type { DemoDataOptions } from '../seeding.js';
import { demoAreas, type DemoArea } from './areas.js';
import { layOutBoundaries, round6 } from './boundaries.js';
import { growCity } from './city-growth.js';
import { groupBy } from './group-by.js';

/**
 * The seed and the number of residents; with `communityResidents`, communities of that
 * size (as many as the residents fill, real ones first, then generated demo streets),
 * each with the grids, staff and life of a community at street scale.
 */
export type WorldOptions = DemoDataOptions;

type GridType = 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';

export interface DemoGrid {
  id: string;
  code: string;
  name: string;
  type: GridType;
  status: 'ACTIVE';
  parentId: string | null;
  communityCode: string;
  dedicatedTo: string | null;
  createdAt: Date;
  retiredAt: null;
}

export interface DemoPerson {
  id: string;
  name: string;
  idNumber: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  phone: string | null;
  residencyType: 'REGISTERED' | 'PERMANENT' | 'FLOATING';
  gridId: string;
  areaCode: string;
  householdId: string;
  /** The building (grids subgraph) and room the person lives in. */
  buildingId: string;
  room: string;
  householdRelation: string;
  status: 'ACTIVE';
  registeredAt: Date;
}

export interface DemoBuilding {
  id: string;
  gridId: string;
  areaCode: string;
  name: string;
  address: string;
  units: number;
  floors: number;
  householdCount: number;
  lng: number;
  lat: number;
}

export interface DemoBoundary {
  gridId: string;
  crs: 'GCJ02';
  polygon: { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface DemoWorld {
  areas: DemoArea[];
  grids: DemoGrid[];
  staff: {
    id: string;
    personId: string;
    role: 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'MICRO_GRID_WORKER' | 'BUILDING_STEWARD';
    areaCode: string;
    active: boolean;
    createdAt: Date;
  }[];
  assignments: { staffId: string; gridId: string }[];
  people: DemoPerson[];
  households: { id: string; address: string; gridId: string; areaCode: string; buildingId: string }[];
  /** Buildings (楼栋) in micro-grids, owned by the grids subgraph. */
  buildings: DemoBuilding[];
  /** One boundary per grid, GCJ-02 coordinates; dedicated grids sit inside a general grid. */
  boundaries: DemoBoundary[];
  tags: { id: string; personId: string; code: string; areaCode: string; since: Date; until: null }[];
  teams: { id: string; name: string; areaCode: string }[];
  volunteers: { id: string; personId: string; areaCode: string; confirmedHours: number; registeredAt: Date }[];
  memberships: { teamId: string; volunteerId: string; role: 'LEADER' | 'MEMBER'; joinedAt: Date }[];
  activities: {
    id: string;
    title: string;
    category: string;
    status: string;
    gridId: string;
    areaCode: string;
    teamId: string | null;
    startsAt: Date;
    endsAt: Date;
    capacity: number;
  }[];
  events: {
    id: string;
    title: string;
    description: string;
    category: string;
    priority: 'NORMAL' | 'URGENT';
    source: string;
    status: string;
    gridId: string;
    areaCode: string;
    reporterId: string | null;
    assigneeId: string | null;
    reportedAt: Date;
    updatedAt: Date;
    closedAt: Date | null;
    version: number;
  }[];
}

/** The instant demo data is anchored to, so the same seed always gives the same rows. */
const ANCHOR = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

const HOUSEHOLDS_PER_BUILDING = 12;
const RELATIONS_AFTER_HEAD = ['配偶', '子女', '子女', '父母', '孙子女', '兄弟姐妹'];
const ACTIVITY_CATEGORIES = ['楼道清扫', '院落整治', '安全巡查', '关爱走访', '文明劝导', '应急服务'];
const EVENT_CATEGORIES: [string, string[]][] = [
  ['安全隐患', ['楼道堆放杂物', '电动车飞线充电', '消防通道被占用', '燃气管道老化']],
  ['矛盾纠纷', ['邻里噪音纠纷', '物业费纠纷', '停车位纠纷']],
  ['市容环境', ['垃圾未及时清运', '绿化带损毁', '占道经营']],
  ['公共设施', ['路灯不亮', '井盖缺失', '健身器材损坏']],
  ['关爱走访', ['独居老人需帮助', '困难家庭求助']],
];
const EVENT_STATUSES = [
  'REPORTED',
  'REGISTERED',
  'DISPATCHED',
  'ACCEPTED',
  'IN_PROGRESS',
  'FEEDBACK_SUBMITTED',
  'VERIFIED',
  'CLOSED',
  'CLOSED',
  'CLOSED',
  'EVALUATED',
  'SUSPENDED',
  'CANCELLED',
];
const EVENT_SOURCES = ['PATROL', 'RESIDENT', 'HOTLINE_12345', 'INSPECTION', 'VISIT'];
const DEDICATED = [
  ['小学', 'SCHOOL'],
  ['社区卫生服务中心', 'HOSPITAL'],
  ['农贸市场', 'MARKET'],
] as const;

function pick<T>(faker: Faker, items: readonly T[]): T {
  return items[faker.number.int({ min: 0, max: items.length - 1 })] as T;
}

let retained: { key: string; world: DemoWorld } | null = null;
let retaining = false;

/**
 * For a process that fills several databases (the benchmark's filler): keep the last
 * world so each subgraph's seed reuses it instead of generating it again. Services never
 * turn this on, so they do not hold the world after seeding.
 */
export function retainGeneratedWorld(on: boolean): void {
  retaining = on;
  if (!on) retained = null;
}

export function generateWorld(options: WorldOptions): DemoWorld {
  const key = `${options.seed}:${options.residents}:${options.communityResidents ?? ''}`;
  if (retaining && retained?.key === key) return retained.world;
  const world = buildWorld(options);
  if (retaining) retained = { key, world };
  return world;
}

/** All areas, and the communities residents live in: the 37 real ones, or as many as `communityResidents` asks for. */
function worldAreas(options: WorldOptions): { areas: DemoArea[]; communities: DemoArea[] } {
  if (options.communityResidents === undefined) {
    const areas = demoAreas();
    return { areas, communities: areas.filter((area) => area.level === 'COMMUNITY') };
  }
  if (!(options.communityResidents > 0)) throw new Error('communityResidents must be positive');
  const { areas, populated } = growCity(
    Math.max(1, Math.round(options.residents / options.communityResidents)),
    options.seed,
  );
  return { areas, communities: populated };
}

function buildWorld(options: WorldOptions): DemoWorld {
  const faker = fakerZH_CN;
  faker.seed(options.seed);
  const uuid = () => faker.string.uuid();
  const { areas, communities } = worldAreas(options);
  const streetName = new Map(areas.map((area) => [area.code, area.name]));
  const world: DemoWorld = {
    areas,
    grids: [],
    staff: [],
    assignments: [],
    people: [],
    households: [],
    buildings: [],
    boundaries: [],
    tags: [],
    teams: [],
    volunteers: [],
    memberships: [],
    activities: [],
    events: [],
  };

  // Grids: a community total grid, general grids, micro-grids of about 50 residents, and a
  // dedicated grid in every third community.
  const microTotal = Math.max(communities.length * 2, Math.round(options.residents / 52));
  const generalPerCommunity = Math.max(1, Math.round(microTotal / 10 / communities.length));
  const microPerGeneral = Math.max(1, Math.round(microTotal / (generalPerCommunity * communities.length)));
  const micros: DemoGrid[] = [];
  const generals: DemoGrid[] = [];
  const grid = (
    code: string,
    name: string,
    type: GridType,
    parentId: string | null,
    communityCode: string,
    dedicatedTo: string | null = null,
  ): DemoGrid => {
    const row: DemoGrid = {
      id: uuid(),
      code,
      name,
      type,
      status: 'ACTIVE',
      parentId,
      communityCode,
      dedicatedTo,
      createdAt: new Date(ANCHOR - 400 * DAY),
      retiredAt: null,
    };
    world.grids.push(row);
    return row;
  };
  communities.forEach((community, index) => {
    const short = community.name.replace(/社区$/, '');
    grid(`${community.code}000`, `${short}社区总网格`, 'COMMUNITY_TOTAL', null, community.code);
    for (let g = 1; g <= generalPerCommunity; g += 1) {
      const general = grid(
        `${community.code}${String(g).padStart(3, '0')}`,
        `${short}第${g}网格`,
        'GENERAL',
        null,
        community.code,
      );
      generals.push(general);
      for (let m = 1; m <= microPerGeneral; m += 1) {
        micros.push(
          grid(
            `${general.code}${String(m).padStart(3, '0')}`,
            `${short}第${g}网格第${m}微网格`,
            'MICRO',
            general.id,
            community.code,
          ),
        );
      }
    }
    if (index % 3 === 0) {
      const [suffix] = pick(faker, DEDICATED);
      grid(`${community.code}901`, `${short}${suffix}专属网格`, 'DEDICATED', null, community.code, `${short}${suffix}`);
    }
  });

  // Boundaries: each street's communities laid out on a lattice near the real street,
  // general grids as strips of their community, micro-grids as slices of their strip.
  world.boundaries = layOutBoundaries(world.grids, communities);
  const boundaryOf = new Map(world.boundaries.map((boundary) => [boundary.gridId, boundary]));

  // Residents in households in buildings, spread over the micro-grids.
  const residentsPerMicro = new Map<string, DemoPerson[]>();
  const householdsPerMicro = new Map<string, number>();
  const buildingsOf = new Map<string, DemoBuilding[]>();
  const usedIdNumbers = new Set<string>();
  let made = 0;
  let householdIndex = 0;
  while (made < options.residents) {
    const micro = micros[householdIndex % micros.length] as DemoGrid;
    const indexInMicro = householdsPerMicro.get(micro.id) ?? 0;
    householdsPerMicro.set(micro.id, indexInMicro + 1);
    const buildings = buildingsOf.get(micro.id) ?? [];
    buildingsOf.set(micro.id, buildings);
    if (indexInMicro % HOUSEHOLDS_PER_BUILDING === 0) {
      const number = buildings.length + 1;
      const ring = boundaryOf.get(micro.id)?.polygon.coordinates[0] ?? [];
      const [west, south] = ring[0] ?? [0, 0];
      const [east, north] = ring[2] ?? [0, 0];
      const building: DemoBuilding = {
        id: uuid(),
        gridId: micro.id,
        areaCode: micro.code,
        name: `${Number(micro.code.slice(-3))}-${number}栋`,
        address: `${streetName.get(micro.communityCode.slice(0, 9)) ?? ''}${faker.location.street()}${faker.number.int({ min: 1, max: 300 })}号${number}栋`,
        units: faker.number.int({ min: 1, max: 4 }),
        floors: faker.helpers.arrayElement([6, 7, 11, 18, 26, 33]),
        householdCount: 0,
        lng: round6(west + (east - west) * (0.2 + 0.6 * faker.number.float())),
        lat: round6(south + (north - south) * (0.2 + 0.6 * faker.number.float())),
      };
      buildings.push(building);
      world.buildings.push(building);
    }
    const building = buildings[buildings.length - 1] as DemoBuilding;
    building.householdCount += 1;
    const room = `${faker.number.int({ min: 1, max: building.units })}单元${faker.number.int({ min: 1, max: building.floors })}0${faker.number.int({ min: 1, max: 4 })}`;
    const household = {
      id: uuid(),
      address: `${building.address}${room}`,
      gridId: micro.id,
      areaCode: micro.code,
      buildingId: building.id,
    };
    world.households.push(household);
    const size = Math.min(options.residents - made, faker.number.int({ min: 1, max: 4 }));
    const surname = faker.person.lastName();
    for (let member = 0; member < size; member += 1) {
      const gender = faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
      const age = member === 0 ? faker.number.int({ min: 24, max: 92 }) : faker.number.int({ min: 0, max: 90 });
      const birth = new Date(ANCHOR - age * 365.25 * DAY - faker.number.int({ min: 0, max: 364 }) * DAY);
      const birthDate = birth.toISOString().slice(0, 10);
      const idNumber = uniqueIdNumber(
        usedIdNumbers,
        micro.code.slice(0, 6),
        birthDate,
        faker.number.int({ min: 0, max: 499 }) * 2 + (gender === 'MALE' ? 1 : 0),
      );
      const person: DemoPerson = {
        id: uuid(),
        name: `${member === 0 || faker.datatype.boolean() ? surname : faker.person.lastName()}${faker.person.firstName(gender === 'MALE' ? 'male' : 'female')}`,
        idNumber,
        gender,
        birthDate,
        phone:
          age >= 14
            ? `1${pick(faker, ['38', '39', '58', '59', '86', '87', '35', '77'])}${faker.string.numeric(8)}`
            : null,
        residencyType: faker.helpers.weightedArrayElement([
          { weight: 6, value: 'REGISTERED' as const },
          { weight: 3, value: 'PERMANENT' as const },
          { weight: 2, value: 'FLOATING' as const },
        ]),
        gridId: micro.id,
        areaCode: micro.code,
        householdId: household.id,
        buildingId: building.id,
        room,
        householdRelation: member === 0 ? '户主' : pick(faker, RELATIONS_AFTER_HEAD),
        status: 'ACTIVE',
        registeredAt: new Date(ANCHOR - faker.number.int({ min: 1, max: 1500 }) * DAY),
      };
      world.people.push(person);
      const neighbours = residentsPerMicro.get(micro.id);
      if (neighbours) neighbours.push(person);
      else residentsPerMicro.set(micro.id, [person]);
      const since = new Date(ANCHOR - faker.number.int({ min: 30, max: 2000 }) * DAY);
      const tag = (code: string) =>
        world.tags.push({ id: uuid(), personId: person.id, code, areaCode: person.areaCode, since, until: null });
      if (age >= 65 && size === 1) tag(faker.datatype.boolean() ? 'LIVING_ALONE_ELDER' : 'EMPTY_NEST_ELDER');
      if (age >= 22 && age <= 45 && faker.number.int(20) === 0) tag('NEW_EMPLOYMENT_WORKER');
      if (age >= 18 && faker.number.int(10) === 0) tag('PARTY_MEMBER');
      if (age >= 20 && faker.number.int(30) === 0) tag('VETERAN');
      if (faker.number.int(40) === 0) tag('DISABLED');
      if (faker.number.int(50) === 0) tag('LOW_INCOME');
      made += 1;
    }
    householdIndex += 1;
  }

  // Staff: a grid worker per general grid, a leader per micro-grid, taken from residents.
  const adults = (people: DemoPerson[]) => people.filter((person) => person.phone !== null);
  const addStaff = (person: DemoPerson, role: DemoWorld['staff'][number]['role'], served: DemoGrid) => {
    const staff = {
      id: uuid(),
      personId: person.id,
      role,
      areaCode: served.code,
      active: true,
      createdAt: new Date(ANCHOR - 300 * DAY),
    };
    world.staff.push(staff);
    world.assignments.push({ staffId: staff.id, gridId: served.id });
    return staff;
  };
  const staffOfMicro = new Map<string, string[]>();
  const microsOf = groupBy(micros, (micro) => micro.parentId ?? '');
  for (const general of generals) {
    const candidates = adults(
      (microsOf.get(general.id) ?? []).flatMap((micro) => residentsPerMicro.get(micro.id) ?? []),
    );
    if (candidates.length) addStaff(pick(faker, candidates), 'GRID_WORKER', general);
  }
  for (const micro of micros) {
    const candidates = adults(residentsPerMicro.get(micro.id) ?? []);
    if (!candidates.length) continue;
    const leader = addStaff(candidates[0] as DemoPerson, 'MICRO_GRID_LEADER', micro);
    const ids = [leader.id];
    if (candidates.length > 3)
      ids.push(addStaff(candidates[candidates.length - 1] as DemoPerson, 'BUILDING_STEWARD', micro).id);
    staffOfMicro.set(micro.id, ids);
  }

  // Volunteers and teams: the street-wide 雷锋伙伴 and 战旗红志愿队, and each community's own.
  world.teams.push({ id: uuid(), name: '雷锋伙伴', areaCode: '510116001' });
  world.teams.push({ id: uuid(), name: '战旗红志愿队', areaCode: '510116001' });
  for (const community of communities)
    world.teams.push({ id: uuid(), name: `${community.name}志愿服务队`, areaCode: community.code });
  const teamsFor = (areaCode: string) => world.teams.filter((team) => areaCode.startsWith(team.areaCode));
  for (const person of world.people) {
    if (person.phone === null || faker.number.int(15) !== 0) continue;
    const volunteer = {
      id: uuid(),
      personId: person.id,
      areaCode: person.areaCode,
      confirmedHours: faker.number.int({ min: 0, max: 1600 }) / 2,
      registeredAt: new Date(ANCHOR - faker.number.int({ min: 10, max: 1000 }) * DAY),
    };
    world.volunteers.push(volunteer);
    const teams = teamsFor(person.areaCode);
    const joined = faker.helpers.arrayElements(teams, { min: 1, max: Math.min(2, teams.length) });
    for (const team of joined)
      world.memberships.push({
        teamId: team.id,
        volunteerId: volunteer.id,
        role: 'MEMBER',
        joinedAt: volunteer.registeredAt,
      });
  }
  // Each team's first member leads it.
  const led = new Set<string>();
  for (const membership of world.memberships) {
    if (led.has(membership.teamId)) continue;
    led.add(membership.teamId);
    membership.role = 'LEADER';
  }

  // Activities: a few per general grid, in every state.
  for (const general of generals) {
    const count = faker.number.int({ min: 1, max: 3 });
    for (let a = 0; a < count; a += 1) {
      const category = pick(faker, ACTIVITY_CATEGORIES);
      const startsAt = new Date(ANCHOR + faker.number.int({ min: -60, max: 30 }) * DAY + 9 * 3_600_000);
      const status =
        startsAt.getTime() < ANCHOR ? 'FINISHED' : pick(faker, ['DRAFT', 'PUBLISHED', 'PUBLISHED', 'CANCELLED']);
      const teams = teamsFor(general.code);
      world.activities.push({
        id: uuid(),
        title: `${general.name}${category}`,
        category,
        status,
        gridId: general.id,
        areaCode: general.code,
        teamId: teams.length ? pick(faker, teams).id : null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        capacity: faker.number.int({ min: 5, max: 40 }),
      });
    }
  }

  // Events: about two for every three residents a year, in every state of the loop.
  const eventCount = Math.round(options.residents * 0.64);
  for (let e = 0; e < eventCount; e += 1) {
    const micro = micros[faker.number.int({ min: 0, max: micros.length - 1 })] as DemoGrid;
    const [category, titles] = pick(faker, EVENT_CATEGORIES);
    const status = pick(faker, EVENT_STATUSES);
    const reportedAt = new Date(ANCHOR - faker.number.int({ min: 0, max: 364 * 24 }) * 3_600_000);
    const residents = residentsPerMicro.get(micro.id) ?? [];
    const source = pick(faker, EVENT_SOURCES);
    const staff = staffOfMicro.get(micro.id) ?? [];
    const dispatched = !['REPORTED', 'REGISTERED', 'CANCELLED'].includes(status);
    const closed = status === 'CLOSED' || status === 'EVALUATED';
    const title = pick(faker, titles);
    world.events.push({
      id: uuid(),
      title,
      description: `${micro.name}：${title}，请尽快处理。`,
      category,
      priority: faker.number.int(9) === 0 ? 'URGENT' : 'NORMAL',
      source,
      status,
      gridId: micro.id,
      areaCode: micro.code,
      reporterId: source === 'RESIDENT' && residents.length ? pick(faker, residents).id : null,
      assigneeId: dispatched && staff.length ? (staff[0] as string) : null,
      reportedAt,
      updatedAt: new Date(reportedAt.getTime() + 2 * DAY),
      closedAt: closed ? new Date(reportedAt.getTime() + 3 * DAY) : null,
      version: 1,
    });
  }
  return world;
}

/** The generator may draw the same number twice; the next free sequence of the same gender keeps it one person, one number. */
function uniqueIdNumber(used: Set<string>, addressCode: string, birthDate: string, sequence: number): string {
  for (let candidate = sequence; ; candidate = (candidate + 2) % 1000) {
    const idNumber = makeIdNumber(addressCode, birthDate, candidate);
    if (!used.has(idNumber)) {
      used.add(idNumber);
      return idNumber;
    }
  }
}
