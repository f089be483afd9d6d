import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../subgraphs/events/src/domain/drill.js';
import { EVENT_STATUSES } from '../../subgraphs/events/src/domain/event-values.js';
import { startEvents, token, type EventServices } from './support.js';

/** Street scale (DESIGN): 100,000 events a year in one street of 25 communities. */
const EVENTS = Number(process.env.EVENTS_SCALE ?? 100_000);
const STREET = '510116001';
const NOW = new Date('2026-11-30T01:00:00Z');
const CATEGORIES = ['安全隐患', '矛盾纠纷', '市容环境', '公共设施', '关爱走访'];
let services: EventServices;
let admin: string;
const timings: Record<string, number> = {};

/** Inserts synthetic events straight into the table, a thousand rows a statement. */
async function fill(): Promise<void> {
  const { db } = services.events;
  const random = seededRandom(100_000);
  const stamp = (date: Date) =>
    date
      .toISOString()
      .replace('T', ' ')
      .replace('Z', '')
      .slice(0, db.kind === 'mysql' ? 19 : 23);
  const columns = [
    'id',
    'title',
    'category',
    'priority',
    'source',
    'status',
    'grid_id',
    'area_code',
    'reported_at',
    'updated_at',
    'closed_at',
    'version',
    'deadline_at',
    'finish_due_at',
    'close_seconds',
  ];
  for (let start = 0; start < EVENTS; start += 1000) {
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let index = start; index < Math.min(EVENTS, start + 1000); index += 1) {
      const community = String(1 + Math.floor(random() * 25)).padStart(3, '0');
      const code = `${STREET}${community}${String(1 + Math.floor(random() * 4)).padStart(3, '0')}${String(1 + Math.floor(random() * 10)).padStart(3, '0')}`;
      const status = EVENT_STATUSES[Math.floor(random() * EVENT_STATUSES.length)]!;
      const reportedAt = new Date(NOW.getTime() - Math.floor(random() * 365 * 24) * 3_600_000);
      const closed = status === 'CLOSED' || status === 'EVALUATED';
      const closeSeconds = closed ? 3600 + Math.floor(random() * 10 * 86_400) : null;
      const finishDue = new Date(reportedAt.getTime() + 5 * 86_400_000);
      const open = !closed && status !== 'CANCELLED' && status !== 'SUSPENDED';
      params.push(
        `e${String(index).padStart(7, '0')}`,
        '规模测试事件',
        CATEGORIES[index % CATEGORIES.length],
        'NORMAL',
        'PATROL',
        status,
        `g${code}`,
        code,
        stamp(reportedAt),
        stamp(reportedAt),
        closed ? stamp(new Date(reportedAt.getTime() + closeSeconds! * 1000)) : null,
        1,
        open ? stamp(finishDue) : null,
        closed || open ? stamp(finishDue) : null,
        closeSeconds,
      );
      rows.push(`(${columns.map(() => '?').join(', ')})`);
    }
    await db.dataSource.query(`INSERT INTO grid_event (${columns.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }
}

beforeAll(async () => {
  services = await startEvents({ demo: false, clock: NOW.toISOString() });
  admin = await token('STREET_ADMIN', [STREET]);
  const started = Date.now();
  await fill();
  timings.insert = Date.now() - started;
}, 300_000);
afterAll(async () => {
  console.info(`events at street scale (${EVENTS} rows, ${services.events.db.kind}): ${JSON.stringify(timings)} ms`);
  await services?.stop();
});

/** Runs a query, checks it answered, and returns how many statements it cost. */
async function measure(label: string, query: string, variables: Record<string, unknown> = {}) {
  const before = services.events.db.statements.count;
  const started = Date.now();
  const response = await services.ask(query, variables, admin);
  timings[label] = Date.now() - started;
  expect(response.errors).toBeUndefined();
  return { statements: services.events.db.statements.count - before, data: response.data };
}

const PAGE =
  'query($filter: EventFilter, $after: String) { events(filter: $filter, first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id reportedAt } } } }';

describe(`events at street scale (${EVENTS} events)`, () => {
  it('pages a street’s events newest first by keyset: one statement a page, on the first page and the fiftieth', async () => {
    let after: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    for (let page = 1; page <= 50; page += 1) {
      const { statements, data } = await measure(
        page === 1 ? 'streetFirstPage' : page === 50 ? 'streetPage50' : 'page',
        PAGE,
        { filter: { areaCode: STREET }, after },
      );
      expect(statements).toBe(1);
      for (const edge of data?.events.edges ?? []) {
        const time = new Date(edge.node.reportedAt).getTime();
        expect(time).toBeLessThanOrEqual(previous);
        previous = time;
      }
      after = data?.events.pageInfo.endCursor;
    }
  });

  it('filters by area prefix, status and overdue in one statement a page', async () => {
    const community = `${STREET}007`;
    expect(
      (
        await measure('communityOpenStatuses', PAGE, {
          filter: { areaCode: community, status: ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'] },
        })
      ).statements,
    ).toBe(1);
    const overdue = await measure('streetOverdue', PAGE, { filter: { areaCode: STREET, overdue: true } });
    expect(overdue.statements).toBe(1);
    expect(overdue.data?.events.edges).toHaveLength(20);
    const next = await measure('streetOverduePage2', PAGE, {
      filter: { areaCode: STREET, overdue: true },
      after: overdue.data?.events.pageInfo.endCursor,
    });
    expect(next.statements).toBe(1);
    const counted = await measure(
      'streetOverdueCount',
      '{ events(filter: { areaCode: "510116001", overdue: true }, first: 1) { totalCount } }',
    );
    expect(counted.statements).toBe(2);
  });

  it('computes a street’s statistics in two statements, and fifty grids’ in two as well', async () => {
    const { statements, data } = await measure(
      'streetStats',
      `{ eventStats(areaCode: "${STREET}") { total closed onTimeRate medianSecondsToClose byStatus { status count } } }`,
    );
    expect(statements).toBe(2);
    expect(data?.eventStats.total).toBe(EVENTS);
    const grids = Array.from({ length: 50 }, (_, index) => {
      const code = `${STREET}${String(1 + (index % 25)).padStart(3, '0')}${String(1 + Math.floor(index / 25)).padStart(3, '0')}`;
      return { __typename: 'Grid', id: `g${code}`, code };
    });
    const many = await measure(
      'fiftyGridStats',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { eventStats { total medianSecondsToClose } } } }',
      { r: grids },
    );
    expect(many.statements).toBe(2);
  });
});
