import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessesOf, capturingStatements } from '../support/plans.js';
import {
  demoExtras,
  demoWorld,
  HUAYUAN,
  startEvents,
  STREET,
  token,
  type DemoEventRow,
  type EventServices,
} from './support.js';

let services: EventServices;
let streetAdmin: string;
const NOW = new Date('2026-11-30T01:00:00Z');

beforeAll(async () => {
  services = await startEvents({ clock: NOW.toISOString() });
  streetAdmin = await token('STREET_ADMIN', [STREET]);
});
afterAll(() => services?.stop());

const STATS =
  'total byStatus { status count } byCategory { category count } closed closedOnTime onTimeRate overdue medianSecondsToClose';

/** The statistics worked out from the demo rows, the way the issue defines them. */
function expectedStats(prefix: string, from?: Date, to?: Date) {
  const rows = demoExtras().events.filter(
    (event) =>
      event.areaCode.startsWith(prefix) && (!from || event.reportedAt >= from) && (!to || event.reportedAt < to),
  );
  const counts = (key: (event: DemoEventRow) => string) => {
    const map = new Map<string, number>();
    for (const event of rows) map.set(key(event), (map.get(key(event)) ?? 0) + 1);
    return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const closed = rows.filter((event) => event.closedAt !== null);
  const onTime = closed.filter((event) => event.finishDueAt !== null && event.closedAt! <= event.finishDueAt);
  const seconds = closed.map((event) => event.closeSeconds!).sort((a, b) => a - b);
  const middle =
    seconds.length % 2
      ? [seconds[(seconds.length - 1) / 2]!]
      : seconds.slice(seconds.length / 2 - 1, seconds.length / 2 + 1);
  return {
    total: rows.length,
    byStatus: counts((event) => event.status).map(([status, count]) => ({ status, count })),
    byCategory: counts((event) => event.category).map(([category, count]) => ({ category, count })),
    closed: closed.length,
    closedOnTime: onTime.length,
    onTimeRate: closed.length ? onTime.length / closed.length : null,
    overdue: rows.filter((event) => event.deadlineAt !== null && event.deadlineAt < NOW).length,
    medianSecondsToClose: middle.length ? middle.reduce((sum, value) => sum + value, 0) / middle.length : null,
  };
}

describe('event statistics', () => {
  it('counts a street’s events by status and category, with the on-time rate, overdue events and the median time to close, in two statements', async () => {
    const before = services.events.db.statements.count;
    const { data, errors } = await services.ask(`{ eventStats(areaCode: "${STREET}") { ${STATS} } }`, {}, streetAdmin);
    expect(errors).toBeUndefined();
    expect(services.events.db.statements.count - before).toBe(2);
    const expected = expectedStats(STREET);
    expect(data?.eventStats).toEqual(expected);
    expect(expected.closed).toBeGreaterThan(10);
    expect(expected.onTimeRate).toBeGreaterThan(0);
    expect(expected.onTimeRate).toBeLessThan(1);
  });

  it('reads the median only when it is asked for: counts alone are one statement', async () => {
    const grids = demoWorld()
      .grids.filter((grid) => grid.code.startsWith(STREET))
      .slice(0, 20);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { eventStats { total closed onTimeRate overdue } } } }`;
    const before = services.events.db.statements.count;
    const { data, errors } = await services.ask(
      query,
      { r: grids.map(({ id, code }) => ({ __typename: 'Grid', id, code })) },
      streetAdmin,
    );
    expect(errors).toBeUndefined();
    expect(services.events.db.statements.count - before).toBe(1);
    grids.forEach((grid, index) => {
      const prefix = grid.type === 'COMMUNITY_TOTAL' ? grid.code.slice(0, 12) : grid.code;
      const { total, closed, onTimeRate, overdue } = expectedStats(prefix);
      expect(data?._entities[index].eventStats).toEqual({ total, closed, onTimeRate, overdue });
    });
  });

  it('counts from the statistics index alone: no event row is read', async () => {
    const grids = demoWorld()
      .grids.filter((grid) => grid.code.startsWith(STREET))
      .slice(0, 5);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { eventStats { total closed onTimeRate overdue } } } }`;
    const sent = await capturingStatements(services.events.db, () =>
      services.ask(query, { r: grids.map(({ id, code }) => ({ __typename: 'Grid', id, code })) }, streetAdmin),
    );
    const aggregate = sent.find(([sql]) => sql.includes('GROUP BY status, category'));
    expect(aggregate).toBeDefined();
    const accesses = await accessesOf(services.events.db, aggregate!, 'grid_event');
    expect(accesses).toHaveLength(5);
    expect(new Set(accesses)).toEqual(new Set(['index-only idx_grid_event_stats']));
  });

  it('counts only the events reported in the window [from, to)', async () => {
    const from = new Date('2026-05-01T00:00:00+08:00');
    const to = new Date('2026-08-01T00:00:00+08:00');
    const { data } = await services.ask(
      `query($from: DateTime, $to: DateTime) { eventStats(areaCode: "${HUAYUAN}", from: $from, to: $to) { ${STATS} } }`,
      { from: from.toISOString(), to: to.toISOString() },
      streetAdmin,
    );
    expect(data?.eventStats).toEqual(expectedStats(HUAYUAN, from, to));
    expect(data?.eventStats.total).toBeLessThan(expectedStats(HUAYUAN).total);
  });

  it('gives each grid and area its own statistics, in two statements for five grids or fifty', async () => {
    const grids = demoWorld()
      .grids.filter((grid) => grid.code.startsWith(STREET))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { eventStats { ${STATS} } } ... on Area { eventStats { total closed } } } }`;
    for (const count of [5, 50]) {
      const before = services.events.db.statements.count;
      const { data } = await services.ask(
        query,
        { r: grids.slice(0, count).map(({ id, code }) => ({ __typename: 'Grid', id, code })) },
        streetAdmin,
      );
      expect(services.events.db.statements.count - before).toBe(2);
      grids.slice(0, count).forEach((grid, index) => {
        const prefix = grid.type === 'COMMUNITY_TOTAL' ? grid.code.slice(0, 12) : grid.code;
        expect(data?._entities[index].eventStats).toEqual(expectedStats(prefix));
      });
    }
    const { data } = await services.ask(query, { r: [{ __typename: 'Area', code: HUAYUAN }] }, streetAdmin);
    expect(data?._entities[0].eventStats).toEqual({
      total: expectedStats(HUAYUAN).total,
      closed: expectedStats(HUAYUAN).closed,
    });
  });

  it('counts only what the viewer may see, and refuses a reversed window', async () => {
    const community = await token('COMMUNITY_WORKER', [HUAYUAN]);
    const { data } = await services.ask(`{ eventStats(areaCode: "${STREET}") { total } }`, {}, community);
    expect(data?.eventStats.total).toBe(expectedStats(HUAYUAN).total);
    const reversed = await services.ask(
      `{ eventStats(areaCode: "${STREET}", from: "2026-06-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { total } }`,
      {},
      streetAdmin,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const badCode = await services.ask('{ eventStats(areaCode: "5101") { total } }', {}, streetAdmin);
    expect(badCode.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'areaCode' });
    const empty = await services.ask(
      `{ eventStats(areaCode: "${STREET}", from: "2030-01-01T00:00:00Z") { ${STATS} } }`,
      {},
      streetAdmin,
    );
    expect(empty.data?.eventStats).toEqual({
      total: 0,
      byStatus: [],
      byCategory: [],
      closed: 0,
      closedOnTime: 0,
      onTimeRate: null,
      overdue: 0,
      medianSecondsToClose: null,
    });
  });
});
