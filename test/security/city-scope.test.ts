import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';

/**
 * A city's or province's statistical code is padded with zeros (510100 成都市, 510000 四川省):
 * as a scope or an area argument it must mean the prefix 5101 or 51. Every statistic and
 * list read at city or province level, through the gateway and all four subgraphs, equals
 * the sum (or the union) of the same read by each district with a district token.
 */
const DISTRICTS = ['510115', '510116'];
const FROM = '2000-01-01T00:00:00Z';
const TO = '2090-01-01T00:00:00Z';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

interface Count {
  totalCount: number;
}
interface Keyed {
  [key: string]: string | number;
  count: number;
}
interface EventStatsFigures {
  total: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  byStatus: Keyed[];
  byCategory: Keyed[];
}
interface AreaRead {
  area: {
    code: string;
    populationStats: {
      complete: boolean;
      total: number;
      byGender: Keyed[];
      byResidencyType: Keyed[];
      byAgeBand: Keyed[];
      byTag: Keyed[];
    };
    volunteerStats: { volunteers: number; activities: number; confirmedHours: number; volunteersServed: number };
    eventStats: EventStatsFigures;
    grids: Count;
    projects: Count;
  } | null;
  people: Count;
  grids: Count;
  events: Count;
  eventStats: EventStatsFigures;
  inspections: Count;
  activities: Count;
  volunteerTeams: { id: string }[];
  rewards: Count;
  projects: Count;
  careDrives: Count;
  correctionRequests: Count;
  topics: Count;
}
interface ScopeRead {
  people: Count;
  grids: Count;
  events: Count;
  inspections: Count;
  activities: Count;
  volunteerTeams: { id: string }[];
  rewards: Count;
  projects: Count;
  careDrives: Count;
  correctionRequests: Count;
  topics: Count;
  streets: { code: string }[];
  communities: { code: string }[];
}

const EVENT_STATS = 'total closed closedOnTime overdue byStatus { status count } byCategory { category count }';

/** Every statistic and list narrowed by an area argument (`$code`), and one area row's own figures (`$row`). */
const AREA_READ = `query CityAreaRead($code: ID!, $row: ID!, $from: DateTime!, $to: DateTime!) {
  area(code: $row) {
    code
    populationStats { complete total byGender { gender count } byResidencyType { residencyType count }
      byAgeBand { band count } byTag { code count } }
    volunteerStats(from: $from, to: $to, period: YEAR) { volunteers activities confirmedHours volunteersServed }
    eventStats { ${EVENT_STATS} }
    grids(first: 1) { totalCount }
    projects(first: 1) { totalCount }
  }
  people(first: 1, filter: { areaCode: $code }) { totalCount }
  grids(areaCode: $code, first: 1) { totalCount }
  events(first: 1, filter: { areaCode: $code }) { totalCount }
  eventStats(areaCode: $code) { ${EVENT_STATS} }
  inspections(areaCode: $code, first: 1) { totalCount }
  activities(first: 1, filter: { areaCode: $code }) { totalCount }
  volunteerTeams(areaCode: $code) { id }
  rewards(areaCode: $code, first: 1) { totalCount }
  projects(first: 1, filter: { areaCode: $code }) { totalCount }
  careDrives(first: 1, filter: { areaCode: $code }) { totalCount }
  correctionRequests(first: 1, filter: { areaCode: $code }) { totalCount }
  topics(first: 1, filter: { areaCode: $code }) { totalCount }
}`;

/** The same lists with no area argument: the token's scope alone decides. */
const SCOPE_READ = `query CityScopeRead {
  people(first: 1) { totalCount }
  grids(first: 1) { totalCount }
  events(first: 1) { totalCount }
  inspections(first: 1) { totalCount }
  activities(first: 1) { totalCount }
  volunteerTeams { id }
  rewards(first: 1) { totalCount }
  projects(first: 1) { totalCount }
  careDrives(first: 1) { totalCount }
  correctionRequests(first: 1) { totalCount }
  topics(first: 1) { totalCount }
  streets: areas(level: STREET) { code }
  communities: areas(level: COMMUNITY) { code }
}`;

async function read<T>(query: string, scopes: string[], variables: Record<string, unknown> = {}): Promise<T> {
  const token = await tokenFor('STREET_ADMIN', scopes);
  const { data, errors } = await graphql<T>(platform.gatewayUrl, query, { token, variables });
  expect(errors).toBeUndefined();
  return data as T;
}

const areaRead = (scopes: string[], code: string, row: string) =>
  read<AreaRead>(AREA_READ, scopes, { code, row, from: FROM, to: TO });

/** Adds the counts of keyed rows ({status, count}...) by their key. */
function sumKeyed(lists: Keyed[][], key: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const list of lists) for (const row of list) sums[row[key]!] = (sums[row[key]!] ?? 0) + row.count;
  return sums;
}

function sumEventStats(parts: EventStatsFigures[]) {
  return {
    total: parts.reduce((sum, part) => sum + part.total, 0),
    closed: parts.reduce((sum, part) => sum + part.closed, 0),
    closedOnTime: parts.reduce((sum, part) => sum + part.closedOnTime, 0),
    overdue: parts.reduce((sum, part) => sum + part.overdue, 0),
    byStatus: sumKeyed(
      parts.map((part) => part.byStatus),
      'status',
    ),
    byCategory: sumKeyed(
      parts.map((part) => part.byCategory),
      'category',
    ),
  };
}

function eventFigures(stats: EventStatsFigures) {
  return sumEventStats([stats]);
}

const COUNTED = [
  'people',
  'grids',
  'events',
  'inspections',
  'activities',
  'rewards',
  'projects',
  'careDrives',
  'correctionRequests',
  'topics',
] as const;

function countsOf(read: Pick<AreaRead, (typeof COUNTED)[number]>): Record<string, number> {
  return Object.fromEntries(COUNTED.map((field) => [field, read[field].totalCount]));
}

function sumCounts(reads: Pick<AreaRead, (typeof COUNTED)[number]>[]): Record<string, number> {
  return Object.fromEntries(
    COUNTED.map((field) => [field, reads.reduce((sum, part) => sum + part[field].totalCount, 0)]),
  );
}

const idsOf = (rows: { id: string }[]) => [...new Set(rows.map((row) => row.id))].sort();
const codesOf = (rows: { code: string }[]) => rows.map((row) => row.code).sort();

describe('a city or province scope means its code prefix in every subgraph', () => {
  let districts: AreaRead[];
  let districtScopes: ScopeRead[];
  beforeAll(async () => {
    districts = await Promise.all(DISTRICTS.map((code) => areaRead([code], code, code)));
    districtScopes = await Promise.all(DISTRICTS.map((code) => read<ScopeRead>(SCOPE_READ, [code])));
  });

  it('has something to compare: every district has people, events, activities, grids and streets, and every list rows', () => {
    for (const [index, district] of districts.entries()) {
      expect(district.area?.populationStats.total, DISTRICTS[index]).toBeGreaterThan(0);
      expect(district.people.totalCount).toBeGreaterThan(0);
      expect(district.events.totalCount).toBeGreaterThan(0);
      expect(district.activities.totalCount).toBeGreaterThan(0);
      expect(district.grids.totalCount).toBeGreaterThan(0);
      expect(districtScopes[index]?.streets.length).toBeGreaterThan(0);
    }
    const total = sumCounts(districts);
    for (const field of COUNTED) expect(total[field], field).toBeGreaterThan(0);
  });

  it.each([
    ['the city 510100', ['510100'], '510100'],
    ['the province 510000', ['510000'], '510000'],
  ])('%s as scope and as area argument counts what its districts count, summed', async (_, scopes, code) => {
    const whole = await areaRead(scopes, code, '510100');
    expect(countsOf(whole)).toEqual(sumCounts(districts));
    expect(eventFigures(whole.eventStats)).toEqual(sumEventStats(districts.map((part) => part.eventStats)));
    expect(idsOf(whole.volunteerTeams)).toEqual(idsOf(districts.flatMap((part) => part.volunteerTeams)));
  });

  it.each([
    ['the city 510100', ['510100']],
    ['the province 510000', ['510000']],
  ])(
    "%s's area row (成都市) adds up its districts' population, volunteer, event and grid figures",
    async (_, scopes) => {
      const city = (await areaRead(scopes, '510100', '510100')).area!;
      const parts = districts.map((part) => part.area!);
      const population = city.populationStats;
      expect(population.complete).toBe(true);
      expect(population.total).toBe(parts.reduce((sum, part) => sum + part.populationStats.total, 0));
      expect(population.total).toBeGreaterThan(0);
      const populationKeys = [
        ['byGender', 'gender'],
        ['byResidencyType', 'residencyType'],
        ['byAgeBand', 'band'],
        ['byTag', 'code'],
      ] as const;
      for (const [field, key] of populationKeys) {
        expect(sumKeyed([population[field]], key), field).toEqual(
          sumKeyed(
            parts.map((part) => part.populationStats[field]),
            key,
          ),
        );
      }
      const volunteers = city.volunteerStats;
      expect(volunteers.volunteers).toBe(parts.reduce((sum, part) => sum + part.volunteerStats.volunteers, 0));
      expect(volunteers.activities).toBe(parts.reduce((sum, part) => sum + part.volunteerStats.activities, 0));
      expect(volunteers.confirmedHours).toBeCloseTo(
        parts.reduce((sum, part) => sum + part.volunteerStats.confirmedHours, 0),
        6,
      );
      // Distinct volunteers: one who served in both districts counts once for the city.
      expect(volunteers.volunteersServed).toBeLessThanOrEqual(
        parts.reduce((sum, part) => sum + part.volunteerStats.volunteersServed, 0),
      );
      expect(volunteers.volunteersServed).toBeGreaterThanOrEqual(
        Math.max(...parts.map((part) => part.volunteerStats.volunteersServed)),
      );
      expect(eventFigures(city.eventStats)).toEqual(sumEventStats(parts.map((part) => part.eventStats)));
      expect(city.eventStats.total).toBeGreaterThan(0);
      expect(city.grids.totalCount).toBe(parts.reduce((sum, part) => sum + part.grids.totalCount, 0));
      expect(city.projects.totalCount).toBe(parts.reduce((sum, part) => sum + part.projects.totalCount, 0));
    },
  );

  it.each([
    ['the city 510100', ['510100']],
    ['the province 510000', ['510000']],
  ])('%s as scope alone lists the union of its districts, streets and communities included', async (_, scopes) => {
    const whole = await read<ScopeRead>(SCOPE_READ, scopes);
    expect(countsOf(whole)).toEqual(sumCounts(districtScopes));
    expect(idsOf(whole.volunteerTeams)).toEqual(idsOf(districtScopes.flatMap((part) => part.volunteerTeams)));
    expect(codesOf(whole.streets)).toEqual(codesOf(districtScopes.flatMap((part) => part.streets)));
    expect(whole.streets.length).toBeGreaterThan(0);
    expect(codesOf(whole.communities)).toEqual(codesOf(districtScopes.flatMap((part) => part.communities)));
  });

  it('lists the districts of 成都市 under area(code: "510100") at city and province scope', async () => {
    const query = `query CityChildren { area(code: "510100") { code name level children { code level } }
      districts: areas(level: DISTRICT) { code } }`;
    for (const scopes of [['510100'], ['510000']]) {
      const data = await read<{
        area: { code: string; name: string; level: string; children: { code: string; level: string }[] } | null;
        districts: { code: string }[];
      }>(query, scopes);
      expect(data.area).toMatchObject({ code: '510100', name: '成都市', level: 'CITY' });
      expect(data.area?.children).toEqual(DISTRICTS.map((code) => ({ code, level: 'DISTRICT' })));
      expect(codesOf(data.districts)).toEqual(DISTRICTS);
    }
  });

  it('keeps a district token inside its district: the city row is on its path, the other district is not', async () => {
    const data = await read<{
      area: { children: { code: string }[] } | null;
      other: { code: string } | null;
      people: Count;
    }>(
      `query DistrictAtCity { area(code: "510100") { children { code } } other: area(code: "510116") { code }
        people(first: 1, filter: { areaCode: "510100" }) { totalCount } }`,
      ['510115'],
    );
    expect(data.area?.children).toEqual([{ code: '510115' }]);
    expect(data.other).toBeNull();
    expect(data.people.totalCount).toBe(districts[0]?.people.totalCount);
  });
});
