import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodLabel } from '../../subgraphs/volunteers/src/domain/stats-range.js';
import { graphql, tokenFor } from '../support/graphql.js';
import {
  call,
  demoBalance,
  expectLedgerInvariant,
  extras,
  startVolunteers,
  STREET,
  world,
  type TestSubgraph,
} from './support.js';

let volunteers: TestSubgraph;
let admin: string;

beforeAll(async () => {
  volunteers = await startVolunteers();
  admin = await tokenFor('STREET_ADMIN', ['510115', '510116']);
});
afterAll(() => volunteers?.stop());

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  call(volunteers.url, token, query, variables);
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FROM = new Date('2024-01-01T00:00:00+08:00');
const TO = new Date('2027-01-01T00:00:00+08:00');
const inRange = (date: Date) => date >= FROM && date < TO;

describe('activities by filter', () => {
  it('filters by area prefix, category, status and start date, exactly as the world holds them', async () => {
    const category = world.activities.find((activity) => activity.areaCode.startsWith(STREET))!.category;
    const from = new Date('2026-10-15T00:00:00+08:00');
    const before = new Date('2026-11-20T00:00:00+08:00');
    const expected = world.activities
      .filter(
        (a) =>
          a.areaCode.startsWith(STREET) &&
          a.category === category &&
          ['FINISHED', 'PUBLISHED'].includes(a.status) &&
          a.startsAt >= from &&
          a.startsAt < before,
      )
      .map((a) => a.id)
      .sort(byCodePoint);
    expect(expected.length).toBeGreaterThan(0);
    const { activities } = await ask(
      admin,
      `query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount edges { node { id } } } }`,
      {
        filter: {
          areaCode: STREET,
          category,
          status: ['FINISHED', 'PUBLISHED'],
          startsFrom: from.toISOString(),
          startsBefore: before.toISOString(),
        },
      },
    );
    expect(activities.totalCount).toBe(expected.length);
    expect(activities.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected);
  });

  it('pages activities by start time, latest first, with date cursors', async () => {
    const expected = [...world.activities.filter((a) => a.areaCode.startsWith(STREET))]
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || byCodePoint(b.id, a.id))
      .map((a) => a.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 40; guard += 1) {
      const data: Record<string, any> = await ask(
        admin,
        `query($after: String) { activities(filter: { areaCode: "${STREET}" }, orderBy: STARTS_AT_DESC, first: 9, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      seen.push(...data.activities.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data.activities.pageInfo.hasNextPage) break;
      after = data.activities.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('serves an activity with its place, places left, enrolments and the points an hour earns', async () => {
    const activity = world.activities.find(
      (a) => a.status === 'FINISHED' && (extras.enrolledCounts.get(a.id) ?? 0) > 1,
    )!;
    const enrolments = extras.enrolments
      .filter((e) => e.activityId === activity.id)
      .map((e) => e.id)
      .sort(byCodePoint);
    const { activity: found } = await ask(
      admin,
      `{ activity(id: "${activity.id}") { enrolledCount spotsLeft pointsPerHour place enrolments(first: 100) { totalCount edges { node { id status serviceRecord { status } } } } } }`,
    );
    expect(found).toMatchObject({
      enrolledCount: enrolments.length,
      spotsLeft: activity.capacity - enrolments.length,
      pointsPerHour: { 楼道清扫: 10, 院落整治: 10, 安全巡查: 12, 关爱走访: 12, 文明劝导: 10, 应急服务: 15 }[
        activity.category
      ],
    });
    expect(found.enrolments.totalCount).toBe(enrolments.length);
    expect(found.enrolments.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(enrolments);
    expect(
      found.enrolments.edges.every(
        (edge: { node: { status: string; serviceRecord: unknown } }) =>
          edge.node.status === 'CHECKED_OUT' && edge.node.serviceRecord,
      ),
    ).toBe(true);
  });
});

describe('the demo ledger, rewards and corrections', () => {
  it('serves balances and ledgers that are the sums of the demo entries', async () => {
    const holders = [...new Set(extras.entries.map((entry) => entry.volunteerId))].slice(0, 20);
    const { _entities } = await ask(
      admin,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { id pointsBalance ledger(first: 100) { totalCount } } } }',
      {
        r: holders.map((id) => ({ __typename: 'Volunteer', id })),
      },
    );
    expect(_entities).toEqual(
      holders.map((id) => ({
        id,
        pointsBalance: demoBalance(id),
        ledger: { totalCount: extras.entries.filter((e) => e.volunteerId === id).length },
      })),
    );
    await expectLedgerInvariant(volunteers.db);
  });

  it("serves the rewards' stock after the demo redemptions, and the pending correction in the organiser's inbox", async () => {
    const street = extras.rewards.filter((reward) => reward.areaCode === STREET);
    const { rewards } = await ask(
      admin,
      `{ rewards(areaCode: "${STREET}", first: 100) { edges { node { id stock active redemptions { totalCount } } } } }`,
    );
    const found = new Map(rewards.edges.map((edge: { node: { id: string } }) => [edge.node.id, edge.node]));
    for (const reward of street) {
      expect(found.get(reward.id)).toEqual({
        id: reward.id,
        stock: reward.stock,
        active: reward.active,
        redemptions: { totalCount: extras.redemptions.filter((r) => r.rewardId === reward.id).length },
      });
    }
    const pending = extras.corrections.filter((correction) => correction.status === 'PENDING');
    const { correctionRequests } = await ask(
      admin,
      '{ correctionRequests(filter: { status: PENDING }) { totalCount edges { node { id requestedHours record { id } } } } }',
    );
    expect(correctionRequests.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      pending.map((c) => c.id),
    );
    expect(correctionRequests.edges[0].node).toEqual({
      id: pending[0]!.id,
      requestedHours: pending[0]!.requestedMinutes / 60,
      record: { id: pending[0]!.recordId },
    });
  });
});

describe('Area.volunteerStats', () => {
  const STATS = `query($r: [_Any!]!, $from: DateTime!, $to: DateTime!, $period: StatsPeriod) { _entities(representations: $r) { ... on Area {
    code volunteerStats(from: $from, to: $to, period: $period) { volunteers activities confirmedHours volunteersServed periods { period activities confirmedHours volunteersServed } } } } }`;

  function expected(prefix: string) {
    const periods = new Map<string, { period: string; activities: number; minutes: number; served: Set<string> }>();
    const periodOf = (label: string) =>
      periods.get(label) ??
      periods.set(label, { period: label, activities: 0, minutes: 0, served: new Set() }).get(label)!;
    const activities = world.activities.filter(
      (a) =>
        a.areaCode.startsWith(prefix) && ['PUBLISHED', 'ONGOING', 'FINISHED'].includes(a.status) && inRange(a.startsAt),
    );
    for (const activity of activities) periodOf(periodLabel(activity.startsAt, 'MONTH')).activities += 1;
    const records = extras.records.filter(
      (r) => r.status === 'CONFIRMED' && r.areaCode.startsWith(prefix) && inRange(r.servedAt),
    );
    for (const record of records) {
      const period = periodOf(periodLabel(record.servedAt, 'MONTH'));
      period.minutes += record.minutes;
      period.served.add(record.volunteerId);
    }
    return {
      volunteers: world.volunteers.filter((v) => v.areaCode.startsWith(prefix)).length,
      activities: activities.length,
      confirmedHours: records.reduce((sum, r) => sum + r.minutes, 0) / 60,
      volunteersServed: new Set(records.map((r) => r.volunteerId)).size,
      periods: [...periods.values()]
        .sort((a, b) => byCodePoint(a.period, b.period))
        .map((p) => ({
          period: p.period,
          activities: p.activities,
          confirmedHours: p.minutes / 60,
          volunteersServed: p.served.size,
        })),
    };
  }

  it('counts volunteers, activities and confirmed hours by month for a street and its communities, in SQL by prefix', async () => {
    const communities = world.areas
      .filter((area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET))
      .slice(0, 5)
      .map((area) => area.code);
    const codes = [STREET, ...communities];
    const { _entities } = await ask(admin, STATS, {
      r: codes.map((code) => ({ __typename: 'Area', code })),
      from: FROM.toISOString(),
      to: TO.toISOString(),
      period: 'MONTH',
    });
    expect(_entities).toEqual(codes.map((code) => ({ code, volunteerStats: expected(code) })));
    expect(_entities[0].volunteerStats.confirmedHours).toBeGreaterThan(0);
    expect(_entities[0].volunteerStats.periods.length).toBeGreaterThan(3);
  });

  it("counts only inside the viewer's scope: a community worker asking about the street sees their community", async () => {
    const community = world.areas.find(
      (area) => area.level === 'COMMUNITY' && area.code.startsWith(STREET) && expected(area.code).volunteers > 0,
    )!.code;
    const worker = await tokenFor('COMMUNITY_WORKER', [community]);
    const { _entities } = await ask(worker, STATS, {
      r: [{ __typename: 'Area', code: STREET }],
      from: FROM.toISOString(),
      to: TO.toISOString(),
    });
    expect(_entities[0].volunteerStats).toEqual(expected(community));
  });

  it('costs three statements for 2 areas as for 20, and refuses a range the wrong way round or too long by day', async () => {
    const codes = world.areas.filter((area) => area.level === 'COMMUNITY').map((area) => area.code);
    const count = async (n: number) => {
      const before = volunteers.db.statements.count;
      await ask(admin, STATS, {
        r: codes.slice(0, n).map((code) => ({ __typename: 'Area', code })),
        from: FROM.toISOString(),
        to: TO.toISOString(),
      });
      return volunteers.db.statements.count - before;
    };
    expect(await count(2)).toBe(3);
    expect(await count(20)).toBe(3);
    for (const [from, to, period] of [
      [TO, FROM, 'MONTH'],
      [FROM, TO, 'DAY'],
    ] as const) {
      const response = await graphql(volunteers.url, STATS, {
        token: admin,
        variables: {
          r: [{ __typename: 'Area', code: STREET }],
          from: from.toISOString(),
          to: to.toISOString(),
          period,
        },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    }
  });
});
