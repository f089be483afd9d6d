/**
 * Demo rows only the people subgraph holds, derived from the shared world with a Faker of
 * their own, so the world (and every other subgraph's rows) stays exactly as it is:
 * residency dates, the occupation of each 新就业形态劳动者, special-group tags that have
 * ended (history), and earlier moves inside the street that brought people to their home.
 * Nobody changes status here: other subgraphs refer to the world's people as they are.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import type { OccupationCode } from '../domain/occupations.js';
import { groupBy } from '../../../kit/src/demo/group-by.js';
import type { DemoWorld } from '../../../kit/src/demo/world.js';

const DAY = 86_400_000;
/** The instant the world is anchored to (world.ts: 2026-11-01). */
const ANCHOR = Date.UTC(2026, 10, 1);

export interface ResidencyDates {
  residencySince: string;
  residencyUntil: string | null;
}

export interface EndedTag {
  id: string;
  personId: string;
  code: string;
  areaCode: string;
  since: Date;
  until: Date;
  occupation: null;
}

export interface EarlierMove {
  id: string;
  personId: string;
  areaCode: string;
  kind: 'WITHIN_STREET';
  movedOn: string;
  fromGridId: string;
  fromAreaCode: string;
  fromBuildingId: string | null;
  fromRoom: string;
  toGridId: string;
  toAreaCode: string;
  toBuildingId: string;
  toRoom: string;
  leftFor: null;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface PeopleExtras {
  /** Residency dates by person id. */
  residency: Map<string, ResidencyDates>;
  /** The occupation of every NEW_EMPLOYMENT_WORKER tag, by tag id. */
  occupations: Map<string, OccupationCode>;
  endedTags: EndedTag[];
  moves: EarlierMove[];
}

const OCCUPATION_WEIGHTS: { weight: number; value: OccupationCode }[] = [
  { weight: 5, value: 'DELIVERY_RIDER' },
  { weight: 3, value: 'COURIER' },
  { weight: 3, value: 'RIDE_HAILING_DRIVER' },
  { weight: 1, value: 'FREIGHT_DRIVER' },
  { weight: 1, value: 'DESIGNATED_DRIVER' },
  { weight: 1, value: 'LIVE_STREAMER' },
  { weight: 1, value: 'HOUSEKEEPER' },
];
const ENDED_CODES = ['LOW_INCOME', 'KEY_CONCERN', 'DISABLED'];
const MOVE_REASONS = ['购房迁入', '租房变更', '随子女居住', '拆迁安置'];

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function generatePeopleExtras(world: DemoWorld, seed: number): PeopleExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 4 });
  const extras: PeopleExtras = { residency: new Map(), occupations: new Map(), endedTags: [], moves: [] };
  const gridById = new Map(world.grids.map((grid) => [grid.id, grid]));
  const buildingsByGrid = groupBy(world.buildings, (building) => building.gridId);
  const microsOfCommunity = groupBy(
    world.grids.filter((grid) => grid.type === 'MICRO'),
    (grid) => grid.communityCode,
  );

  for (const person of world.people) {
    const registered = person.registeredAt.getTime();
    // 户籍 residents mostly live where they were born; others since they registered.
    const since =
      person.residencyType === 'REGISTERED' && faker.datatype.boolean() ? person.birthDate : isoDate(registered);
    const until =
      person.residencyType === 'FLOATING' ? isoDate(ANCHOR + faker.number.int({ min: 30, max: 1095 }) * DAY) : null;
    extras.residency.set(person.id, {
      // Dates as YYYY-MM-DD text: the later of the two by comparison, which Math.max cannot do for strings.
      // biome-ignore lint/complexity/useMathMinMax: the operands are strings
      residencySince: since < person.birthDate ? person.birthDate : since,
      residencyUntil: until,
    });

    if (faker.number.int(40) === 0) {
      const start = registered + faker.number.int({ min: 0, max: 200 }) * DAY;
      const end = Math.min(ANCHOR - DAY, start + faker.number.int({ min: 60, max: 700 }) * DAY);
      if (end > start) {
        extras.endedTags.push({
          id: faker.string.uuid(),
          personId: person.id,
          code: faker.helpers.arrayElement(ENDED_CODES),
          areaCode: person.areaCode,
          since: new Date(start),
          until: new Date(end),
          occupation: null,
        });
      }
    }

    const grid = gridById.get(person.gridId);
    // The other micro-grids of the person's community, listed only for the few who moved.
    const communityMicros = microsOfCommunity.get(grid?.communityCode ?? '') ?? [];
    const hasNeighbours = communityMicros.some((micro) => micro.id !== person.gridId);
    if (grid && hasNeighbours && faker.number.int(30) === 0) {
      const from = faker.helpers.arrayElement(communityMicros.filter((micro) => micro.id !== person.gridId));
      const fromBuilding = faker.helpers.arrayElement(buildingsByGrid.get(from.id) ?? [null]);
      const movedOn = registered + faker.number.int({ min: 30, max: 400 }) * DAY;
      if (movedOn < ANCHOR) {
        extras.moves.push({
          id: faker.string.uuid(),
          personId: person.id,
          areaCode: person.areaCode,
          kind: 'WITHIN_STREET',
          movedOn: isoDate(movedOn),
          fromGridId: from.id,
          fromAreaCode: from.code,
          fromBuildingId: fromBuilding?.id ?? null,
          fromRoom: `${faker.number.int({ min: 1, max: 3 })}单元${faker.number.int({ min: 1, max: 6 })}0${faker.number.int({ min: 1, max: 4 })}`,
          toGridId: person.gridId,
          toAreaCode: person.areaCode,
          toBuildingId: person.buildingId,
          toRoom: person.room,
          leftFor: null,
          reason: faker.helpers.arrayElement(MOVE_REASONS),
          recordedBy: 'demo',
          recordedAt: new Date(movedOn),
        });
      }
    }
  }
  for (const tag of world.tags) {
    if (tag.code === 'NEW_EMPLOYMENT_WORKER')
      extras.occupations.set(tag.id, faker.helpers.weightedArrayElement(OCCUPATION_WEIGHTS));
  }
  return extras;
}
