import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { gridSelectionProblems, type SelectedGrid } from '../../subgraphs/grids/src/domain/grid-selection.js';
import { boxAround, rankByDistance } from '../../subgraphs/grids/src/domain/nearby.js';
import {
  isOpenAt,
  openingHoursProblems,
  openingHoursSummary,
  type OpeningHours,
  type Weekday,
} from '../../subgraphs/grids/src/domain/opening-hours.js';
import {
  branchGridProblems,
  joiningMemberProblems,
  secretaryProblems,
  type PersonFacts,
} from '../../subgraphs/grids/src/domain/party-branch-rules.js';
import { attachmentProblems } from '../../subgraphs/grids/src/domain/service-brand-rules.js';
import { stationFieldProblems, stationPlacementProblems } from '../../subgraphs/grids/src/domain/station-rules.js';
import { holdingCodes } from '../../subgraphs/grids/src/domain/grid-rules.js';
import { square } from './support.js';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
const fields = (problems: { field?: string | null }[]) => problems.map((p) => p.field);
const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const OFFICE: OpeningHours = {
  alwaysOpen: false,
  periods: [
    { days: WEEKDAYS, opens: '08:30', closes: '18:00' },
    { days: ['SATURDAY', 'SUNDAY'], opens: '09:00', closes: '17:00' },
  ],
};
const NIGHT: OpeningHours = { alwaysOpen: false, periods: [{ days: ['SUNDAY'], opens: '22:00', closes: '02:00' }] };
/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('opening hours', () => {
  it('accepts always open, office hours, a whole day and an overnight period', () => {
    expect(openingHoursProblems({ alwaysOpen: true, periods: [] })).toEqual([]);
    expect(openingHoursProblems(OFFICE)).toEqual([]);
    expect(
      openingHoursProblems({ alwaysOpen: false, periods: [{ days: ['MONDAY'], opens: '00:00', closes: '24:00' }] }),
    ).toEqual([]);
    expect(openingHoursProblems(NIGHT)).toEqual([]);
  });

  it('refuses no periods, periods beside always open, and malformed times naming the field', () => {
    expect(codes(openingHoursProblems({ alwaysOpen: false, periods: [] }))).toEqual(['INVALID_OPENING_HOURS']);
    expect(fields(openingHoursProblems({ alwaysOpen: true, periods: OFFICE.periods }))).toEqual([
      'openingHours.periods',
    ]);
    const bad = openingHoursProblems({ alwaysOpen: false, periods: [{ days: [], opens: '25:00', closes: '8:00' }] });
    expect(codes(bad)).toEqual(['INVALID_OPENING_HOURS', 'INVALID_OPENING_HOURS', 'INVALID_OPENING_HOURS']);
    expect(fields(bad)).toEqual([
      'openingHours.periods.0.days',
      'openingHours.periods.0.opens',
      'openingHours.periods.0.closes',
    ]);
    expect(
      fields(
        openingHoursProblems({
          alwaysOpen: false,
          periods: [{ days: ['MONDAY', 'MONDAY'], opens: '08:00', closes: '09:00' }],
        }),
      ),
    ).toEqual(['openingHours.periods.0.days']);
    expect(
      fields(
        openingHoursProblems({ alwaysOpen: false, periods: [{ days: ['MONDAY'], opens: '08:00', closes: '08:00' }] }),
      ),
    ).toEqual(['openingHours.periods.0.closes']);
    expect(
      codes(
        openingHoursProblems({ alwaysOpen: false, periods: [{ days: ['MONDAY'], opens: '24:00', closes: '08:00' }] }),
      ),
    ).toEqual(['INVALID_OPENING_HOURS']);
  });

  it('refuses periods that overlap, also across midnight and across the end of the week', () => {
    const overlapping = (periods: OpeningHours['periods']) =>
      codes(openingHoursProblems({ alwaysOpen: false, periods }));
    expect(
      overlapping([
        { days: ['MONDAY'], opens: '08:00', closes: '12:00' },
        { days: ['MONDAY', 'TUESDAY'], opens: '11:00', closes: '14:00' },
      ]),
    ).toEqual(['OVERLAPPING_OPENING_HOURS']);
    expect(
      overlapping([
        { days: ['MONDAY'], opens: '20:00', closes: '03:00' },
        { days: ['TUESDAY'], opens: '02:00', closes: '06:00' },
      ]),
    ).toEqual(['OVERLAPPING_OPENING_HOURS']);
    expect(
      overlapping([
        { days: ['SUNDAY'], opens: '22:00', closes: '02:00' },
        { days: ['MONDAY'], opens: '01:00', closes: '05:00' },
      ]),
    ).toEqual(['OVERLAPPING_OPENING_HOURS']);
    expect(
      overlapping([
        { days: ['MONDAY'], opens: '08:00', closes: '12:00' },
        { days: ['MONDAY'], opens: '12:00', closes: '14:00' },
      ]),
    ).toEqual([]);
  });

  it('tells whether a station is open by the clock of Asia/Shanghai, whatever the server runs in', () => {
    // 2026-11-02 is a Monday.
    expect(isOpenAt(OFFICE, shanghai('2026-11-02T08:30:00'))).toBe(true);
    expect(isOpenAt(OFFICE, shanghai('2026-11-02T08:29:00'))).toBe(false);
    expect(isOpenAt(OFFICE, shanghai('2026-11-02T18:00:00'))).toBe(false);
    // 00:30 UTC on Monday is 08:30 in Shanghai; 23:00 UTC on Friday is Saturday 07:00 there.
    expect(isOpenAt(OFFICE, new Date('2026-11-02T00:30:00Z'))).toBe(true);
    expect(isOpenAt(OFFICE, new Date('2026-11-06T23:00:00Z'))).toBe(false);
    expect(isOpenAt(OFFICE, shanghai('2026-11-07T10:00:00'))).toBe(true);
    expect(isOpenAt({ alwaysOpen: true, periods: [] }, shanghai('2026-11-04T03:00:00'))).toBe(true);
  });

  it('keeps an overnight Sunday period open into Monday morning', () => {
    expect(isOpenAt(NIGHT, shanghai('2026-11-08T23:00:00'))).toBe(true);
    expect(isOpenAt(NIGHT, shanghai('2026-11-09T01:59:00'))).toBe(true);
    expect(isOpenAt(NIGHT, shanghai('2026-11-09T02:00:00'))).toBe(false);
    expect(isOpenAt(NIGHT, shanghai('2026-11-08T21:59:00'))).toBe(false);
  });

  it('reads the hours as people write them', () => {
    expect(openingHoursSummary(OFFICE)).toBe('周一至周五 08:30-18:00；周六、周日 09:00-17:00');
    expect(openingHoursSummary(NIGHT)).toBe('周日 22:00-次日02:00');
    expect(
      openingHoursSummary({
        alwaysOpen: false,
        periods: [
          {
            days: ['SUNDAY', 'MONDAY', 'WEDNESDAY', 'TUESDAY', 'FRIDAY', 'SATURDAY', 'THURSDAY'],
            opens: '07:00',
            closes: '21:00',
          },
        ],
      }),
    ).toBe('每天 07:00-21:00');
    expect(
      openingHoursSummary({
        alwaysOpen: false,
        periods: [{ days: ['MONDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], opens: '09:00', closes: '12:00' }],
      }),
    ).toBe('周一、周三至周五 09:00-12:00');
    expect(openingHoursSummary({ alwaysOpen: true, periods: [] })).toBe('全天 24 小时开放');
  });
});

describe('station requests', () => {
  const good = {
    name: '微网格员加油站',
    operator: '双流区总工会',
    services: ['REST', 'HOT_WATER'],
    audiences: ['DELIVERY_RIDER'],
    openingHours: OFFICE,
    location: { lng: 103.9, lat: 30.57 },
    phone: '028-85551234',
  };

  it('accepts a well-formed station and an update that names nothing', () => {
    expect(stationFieldProblems(good)).toEqual([]);
    expect(stationFieldProblems({})).toEqual([]);
  });

  it('names the position of an unknown service or audience code', () => {
    const found = stationFieldProblems({ ...good, services: ['REST', 'SAUNA'], audiences: ['ASTRONAUT'] });
    expect(found.map((p) => [p.code, p.field])).toEqual([
      ['UNKNOWN_SERVICE', 'services.1'],
      ['UNKNOWN_AUDIENCE', 'audiences.0'],
    ]);
  });

  it('refuses empty lists, a blank operator, a bad phone and coordinates out of range', () => {
    expect(
      codes(
        stationFieldProblems({
          ...good,
          services: [],
          audiences: [],
          operator: ' ',
          phone: '12345',
          location: { lng: 30.57, lat: 103.9 },
        }),
      ),
    ).toEqual([
      'INVALID_OPERATOR',
      'INVALID_PHONE',
      'SERVICES_REQUIRED',
      'AUDIENCES_REQUIRED',
      'COORDINATE_OUT_OF_RANGE',
    ]);
  });

  it('places a station inside its grid, on the edge included, and never in a retired grid', () => {
    const drawn = { geometry: square(103.9, 30.57, 0.01), crs: 'GCJ02' as const };
    expect(stationPlacementProblems({ status: 'ACTIVE', drawn }, [103.905, 30.575])).toEqual([]);
    expect(stationPlacementProblems({ status: 'ACTIVE', drawn }, [103.91, 30.575])).toEqual([]);
    expect(codes(stationPlacementProblems({ status: 'ACTIVE', drawn }, [103.92, 30.575]))).toEqual([
      'LOCATION_OUTSIDE_GRID',
    ]);
    expect(stationPlacementProblems({ status: 'ACTIVE', drawn: null }, [103.92, 30.575])).toEqual([]);
    expect(codes(stationPlacementProblems({ status: 'RETIRED', drawn }, [103.905, 30.575]))).toEqual(['GRID_RETIRED']);
  });
});

describe('nearby search', () => {
  const centre: [number, number] = [103.92, 30.57];

  it('draws a box that holds the whole circle, at any latitude', () => {
    for (const [lng, lat] of [centre, [126.6, 45.75], [110.3, 20.0]] as [number, number][]) {
      const [west, south, east, north] = boxAround([lng, lat], 2000);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point exactly 2 km away in this direction, found by scaling an offset until turf agrees.
        const rad = (bearing * Math.PI) / 180;
        let offset: [number, number] = [Math.sin(rad) * 0.01, Math.cos(rad) * 0.01];
        for (let step = 0; step < 5; step += 1) {
          const scale = 2000 / distance([lng, lat], [lng + offset[0], lat + offset[1]], { units: 'meters' });
          offset = [offset[0] * scale, offset[1] * scale];
        }
        const point: [number, number] = [lng + offset[0], lat + offset[1]];
        expect(distance([lng, lat], point, { units: 'meters' })).toBeCloseTo(2000, 3);
        expect(point[0]).toBeGreaterThanOrEqual(west);
        expect(point[0]).toBeLessThanOrEqual(east);
        expect(point[1]).toBeGreaterThanOrEqual(south);
        expect(point[1]).toBeLessThanOrEqual(north);
      }
      // And not much more: about 2 km of latitude either way.
      expect(north - south).toBeLessThan(0.037);
    }
  });

  it('keeps what lies within the radius, nearest first, and drops the corners of the box', () => {
    const [west, south] = boxAround(centre, 1000);
    const items = [
      { id: 'far', lng: centre[0] + 0.008, lat: centre[1] },
      { id: 'corner', lng: west + 0.0001, lat: south + 0.0001 },
      { id: 'near', lng: centre[0] + 0.001, lat: centre[1] },
      { id: 'same', lng: centre[0], lat: centre[1] },
    ];
    const ranked = rankByDistance(items, centre, 1000);
    expect(ranked.map((r) => r.item.id)).toEqual(['same', 'near', 'far']);
    expect(ranked[1]?.distanceMeters).toBeCloseTo(
      distance(centre, [centre[0] + 0.001, centre[1]], { units: 'meters' }),
      6,
    );
  });
});

describe('branches and brands', () => {
  const grid = (
    id: string,
    code: string,
    type: SelectedGrid['type'] = 'GENERAL',
    status: SelectedGrid['status'] = 'ACTIVE',
  ): SelectedGrid => ({ id, code, type, status, communityCode: code.slice(0, 12) });
  const found = new Map([
    ['g1', grid('g1', '510116001001001')],
    ['g2', grid('g2', '510116001001002')],
    ['m1', grid('m1', '510116001001001001', 'MICRO')],
    ['other', grid('other', '510116001002001')],
    ['old', grid('old', '510116001001003', 'GENERAL', 'RETIRED')],
  ]);
  const party = (id: string, gridCode: string, member = true): PersonFacts => ({
    id,
    tags: member ? [{ code: 'PARTY_MEMBER' }, { code: 'VETERAN' }] : [{ code: 'VETERAN' }],
    grid: { code: gridCode },
  });

  it('keeps the grids of a branch or brand in one community, by position', () => {
    const { problems, communityCode } = gridSelectionProblems(['g1', 'other', 'missing', 'old'], found, null);
    expect(communityCode).toBe('510116001001');
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['GRID_OF_ANOTHER_COMMUNITY', 'gridIds.1'],
      ['GRID_NOT_FOUND', 'gridIds.2'],
      ['GRID_RETIRED', 'gridIds.3'],
    ]);
    expect(codes(gridSelectionProblems(['g1'], found, '510116001002').problems)).toEqual(['GRID_OF_ANOTHER_COMMUNITY']);
  });

  it('builds a branch on general grids that have none', () => {
    const taken = new Map([['g2', 'branch-b']]);
    expect(codes(branchGridProblems(['g1', 'g2', 'm1'], found, taken, 'branch-a'))).toEqual([
      'GRID_HAS_BRANCH',
      'NOT_A_GENERAL_GRID',
    ]);
    expect(branchGridProblems(['g2'], found, taken, 'branch-b')).toEqual([]);
  });

  it('takes a secretary who is a party member living in the branch grids and in no other branch', () => {
    expect(secretaryProblems(party('p', '510116001001001002'), ['510116001001001'], false)).toEqual([]);
    expect(codes(secretaryProblems(party('p', '510116001001002001'), ['510116001001001'], false))).toEqual([
      'SECRETARY_OUTSIDE_GRIDS',
    ]);
    expect(codes(secretaryProblems(party('p', '510116001001001002', false), ['510116001001001'], false))).toEqual([
      'NOT_A_PARTY_MEMBER',
    ]);
    expect(codes(secretaryProblems(null, ['510116001001001'], false))).toEqual(['PERSON_NOT_FOUND']);
    expect(codes(secretaryProblems(party('p', '510116001001001002'), ['510116001001001'], true))).toEqual([
      'MEMBER_OF_ANOTHER_BRANCH',
    ]);
  });

  it('checks only the members who join, each by position', () => {
    const people = new Map<string, PersonFacts | null>([
      ['stays', party('stays', '510116001001001001', false)],
      ['plain', party('plain', '510116001001001001', false)],
      ['away', party('away', '510116001002001001')],
      ['taken', party('taken', '510116001001001001')],
      ['ok', party('ok', '510116001001002001')],
      ['hidden', null],
    ]);
    const ids = ['stays', 'plain', 'away', 'taken', 'ok', 'hidden'];
    const found = joiningMemberProblems(ids, new Set(ids.slice(1)), people, '510116001001', new Set(['taken']));
    expect(found.map((p) => [p.code, p.field])).toEqual([
      ['NOT_A_PARTY_MEMBER', 'memberIds.1'],
      ['MEMBER_OUTSIDE_COMMUNITY', 'memberIds.2'],
      ['MEMBER_OF_ANOTHER_BRANCH', 'memberIds.3'],
      ['PERSON_NOT_FOUND', 'memberIds.5'],
    ]);
  });

  it('attaches only grids not attached and detaches only grids attached', () => {
    const attached = new Set(['g1']);
    expect(codes(attachmentProblems(['g1', 'g2'], attached, true))).toEqual(['ALREADY_ATTACHED']);
    expect(codes(attachmentProblems(['g1', 'g2'], attached, false))).toEqual(['NOT_ATTACHED']);
  });

  it('finds the grids that hold a grid from its code alone', () => {
    expect(holdingCodes('510116001001001002')).toEqual(['510116001001001002', '510116001001001', '510116001001000']);
    expect(holdingCodes('510116001001001')).toEqual(['510116001001001', '510116001001000']);
    expect(holdingCodes('510116001001000')).toEqual(['510116001001000']);
  });
});
