import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../subgraphs/kit/src/demo/world.js';
import { createGroupPageLoader, paginate, type Connection } from '../../subgraphs/kit/src/connection.js';
import { GridEvent, type GridEventEntity } from '../../subgraphs/events/src/entities/grid-event.js';
import { eventsSubgraph } from '../../subgraphs/events/src/module.js';
import { startTestSubgraph, TEST_RESIDENTS, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';

const world = generateWorld({ seed: TEST_SEED, residents: TEST_RESIDENTS });
const viewer = {
  subject: 't',
  roles: ['STREET_ADMIN' as const],
  scopes: ['510116001'],
  permissions: new Set<string>(),
};
let events: TestSubgraph;

beforeAll(async () => {
  events = await startTestSubgraph(eventsSubgraph);
});
afterAll(() => events?.stop());

describe('keyset pagination', () => {
  it('pages newest first by a date column and its cursors keep the date', async () => {
    const expected = world.events
      .filter((event) => event.areaCode.startsWith('510116001'))
      .sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((event) => event.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const qb = events.db.dataSource
        .getRepository(GridEvent)
        .createQueryBuilder('event')
        .where('event.areaCode LIKE :p', { p: '510116001%' });
      const connection: Connection<GridEventEntity> = await paginate(
        qb,
        { first: 40, after },
        { alias: 'event', sortBy: 'reportedAt', direction: 'DESC' },
      );
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('applies fixed filters to every group page in the same statements', async () => {
    const loader = createGroupPageLoader(events.db.dataSource, GridEvent, viewer, {
      groupBy: 'areaCode',
      match: 'prefix',
      areaCodeProperty: 'areaCode',
      filter: { status: ['CLOSED', 'EVALUATED'], priority: 'NORMAL' },
    });
    const communities = ['510116001001', '510116001002', '510116001003'];
    const before = events.db.statements.count;
    const pages = await Promise.all(communities.map((value) => loader.load({ value, first: 100 })));
    const totals = await Promise.all(pages.map((page) => page.totalCount()));
    expect(events.db.statements.count - before).toBe(3);
    communities.forEach((community, index) => {
      const expected = world.events.filter(
        (event) =>
          event.areaCode.startsWith(community) &&
          ['CLOSED', 'EVALUATED'].includes(event.status) &&
          event.priority === 'NORMAL',
      );
      expect(totals[index]).toBe(expected.length);
      expect(pages[index]?.edges.map((edge) => edge.node.id)).toEqual(expected.map((event) => event.id).sort());
    });
  });
});
