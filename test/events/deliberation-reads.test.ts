import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridAreaPrefix } from '../../subgraphs/kit/src/area-code.js';
import type { TopicEntity } from '../../subgraphs/events/src/entities/topic.js';
import { tokenFor } from '../support/graphql.js';
import {
  demoExtras,
  demoWorld,
  nodeIds,
  startEvents,
  type DemoGrid,
  type DemoPerson,
  type EventServices,
} from './support.js';

let services: EventServices;
let admin: string;

/** Both demo districts; the admin names a person so that `myVote` is asked of the database too. */
const DISTRICTS = ['510115', '510116'];
let someone: DemoPerson;

beforeAll(async () => {
  someone = demoWorld().people[0]!;
  services = await startEvents();
  admin = await tokenFor('STREET_ADMIN', DISTRICTS, { personId: someone.id, subject: 'admin' });
});
afterAll(() => services?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}, as: string | null = admin) =>
  services.ask(query, variables, as);
const newestFirst = (topics: TopicEntity[]) =>
  topics
    .map((topic) => topic.id)
    .sort()
    .reverse();
const under = (prefix: string) => demoExtras().topics.filter((topic) => topic.areaCode.startsWith(prefix));
const votesOf = (topicId: string) => demoExtras().votes.filter((vote) => vote.topicId === topicId);
const countsOf = (topicId: string) => {
  const votes = votesOf(topicId);
  const count = (choice: string) => votes.filter((vote) => vote.choice === choice).length;
  return { for: count('FOR'), against: count('AGAINST'), abstain: count('ABSTAIN'), total: votes.length };
};
const commentsOf = (topicId: string) => demoExtras().comments.filter((comment) => comment.topicId === topicId);

/** The community total grid of the community with the most demo topics: its topics are the community's. */
let totalGrid: DemoGrid;
beforeAll(() => {
  const busiest = [...new Set(demoExtras().topics.map((topic) => topic.areaCode.slice(0, 12)))].sort(
    (a, b) => under(b).length - under(a).length || a.localeCompare(b),
  )[0]!;
  totalGrid = demoWorld().grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === busiest)!;
});

const GRID_TOPICS = `query($r: [_Any!]!, $status: TopicStatus, $first: Int, $after: String) { _entities(representations: $r) { ... on Grid {
  topics(status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status commentCount voteCounts { for against abstain total } myVote decision { outcome } } } } } } }`;

describe('reading the deliberation hall', () => {
  it('lists a community’s topics newest first through its total grid, with counts computed from votes and comments', async () => {
    const expected = under(gridAreaPrefix(totalGrid.code));
    expect(expected.length).toBeGreaterThan(1);
    const { data, errors } = await ask(GRID_TOPICS, {
      r: [{ __typename: 'Grid', id: totalGrid.id, code: totalGrid.code }],
      first: 100,
    });
    expect(errors).toBeUndefined();
    const topics = data?._entities[0].topics;
    expect(topics.totalCount).toBe(expected.length);
    expect(nodeIds(topics)).toEqual(newestFirst(expected));
    for (const { node } of topics.edges) {
      const mine = votesOf(node.id).find((vote) => vote.personId === someone.id)?.choice ?? null;
      expect(node).toMatchObject({
        voteCounts: countsOf(node.id),
        commentCount: commentsOf(node.id).length,
        myVote: mine,
      });
    }
  });

  it('pages a grid’s topics with opaque cursors, and filters them by status', async () => {
    const ids = newestFirst(under(gridAreaPrefix(totalGrid.code)));
    const r = [{ __typename: 'Grid', id: totalGrid.id, code: totalGrid.code }];
    const first = await ask(GRID_TOPICS, { r, first: 1 });
    expect(nodeIds(first.data?._entities[0].topics)).toEqual(ids.slice(0, 1));
    const rest = await ask(GRID_TOPICS, { r, first: 100, after: first.data?._entities[0].topics.pageInfo.endCursor });
    expect(nodeIds(rest.data?._entities[0].topics)).toEqual(ids.slice(1));
    expect(rest.data?._entities[0].topics.pageInfo.hasNextPage).toBe(false);
    const open = await ask(GRID_TOPICS, { r, first: 100, status: 'OPEN' });
    expect(nodeIds(open.data?._entities[0].topics)).toEqual(
      newestFirst(under(gridAreaPrefix(totalGrid.code)).filter((topic) => topic.status === 'OPEN')),
    );
  });

  it('searches topics by area prefix, status and project request', async () => {
    const TOPICS =
      'query($filter: TopicFilter) { topics(filter: $filter, first: 100) { totalCount edges { node { id decision { projectRequest { title plan requestedAt topic { id } } } } } } }';
    const all = await ask(TOPICS, {});
    expect(nodeIds(all.data?.topics)).toEqual(newestFirst(demoExtras().topics));
    const decided = await ask(TOPICS, { filter: { areaCode: '510115', status: 'DECIDED' } });
    expect(nodeIds(decided.data?.topics)).toEqual(
      newestFirst(under('510115').filter((topic) => topic.status === 'DECIDED')),
    );
    const requested = await ask(TOPICS, { filter: { projectRequested: true } });
    const withProject = demoExtras().decisions.filter((decision) => decision.projectTitle)!;
    expect(withProject).toHaveLength(1);
    expect(requested.data?.topics.edges).toEqual([
      {
        node: {
          id: withProject[0]!.topicId,
          decision: {
            projectRequest: {
              title: withProject[0]!.projectTitle,
              plan: withProject[0]!.projectPlan,
              requestedAt: withProject[0]!.decidedAt.toISOString(),
              topic: { id: withProject[0]!.topicId },
            },
          },
        },
      },
    ]);
    const notRequested = await ask(TOPICS, { filter: { projectRequested: false } });
    expect(notRequested.data?.topics.totalCount).toBe(demoExtras().topics.length - 1);
  });

  it('pages a topic’s comments oldest first', async () => {
    const topic = [...demoExtras().topics].sort((a, b) => commentsOf(b.id).length - commentsOf(a.id).length)[0]!;
    const expected = commentsOf(topic.id)
      .map((comment) => comment.id)
      .sort();
    expect(expected.length).toBeGreaterThan(2);
    const COMMENTS =
      'query($id: ID!, $after: String) { topic(id: $id) { commentCount comments(first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id body authorRole author { id } topic { id } } } } } }';
    const first = await ask(COMMENTS, { id: topic.id });
    expect(first.data?.topic).toMatchObject({
      commentCount: expected.length,
      comments: { totalCount: expected.length, pageInfo: { hasNextPage: true } },
    });
    const second = await ask(COMMENTS, { id: topic.id, after: first.data?.topic.comments.pageInfo.endCursor });
    expect([...nodeIds(first.data?.topic.comments), ...nodeIds(second.data?.topic.comments)]).toEqual(
      expected.slice(0, 4),
    );
    const comment = commentsOf(topic.id).find((row) => row.id === expected[0])!;
    expect(first.data?.topic.comments.edges[0].node).toEqual({
      id: comment.id,
      body: comment.body,
      authorRole: 'RESIDENT',
      author: { id: comment.authorPersonId },
      topic: { id: topic.id },
    });
  });

  it('serves the demo’s decided topic with the world’s patrol event it opened, linked both ways', async () => {
    const event = demoExtras().events.find((row) => row.topicId !== null)!;
    const { data, errors } = await ask(
      `{ event(id: "${event.id}") { source topic { id status decision { outcome } events { id } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.event).toEqual({
      source: 'DELIBERATION',
      topic: { id: event.topicId, status: 'DECIDED', decision: { outcome: 'ADOPTED' }, events: [{ id: event.id }] },
    });
  });
});

describe('who sees which topics', () => {
  // A resident of a micro-grid whose general grid and sibling micro-grid both have demo topics.
  let micro: DemoGrid;
  let general: DemoGrid;
  let resident: DemoPerson;
  let visible: TopicEntity[];
  let neighbours: TopicEntity[];
  beforeAll(() => {
    const world = demoWorld();
    const extras = demoExtras();
    micro = world.grids.find((grid) => {
      if (grid.type !== 'MICRO' || !world.people.some((person) => person.gridId === grid.id)) return false;
      const parent = world.grids.find((other) => other.id === grid.parentId)!;
      return (
        extras.topics.some((topic) => topic.areaCode === parent.code) &&
        extras.topics.some(
          (topic) =>
            topic.areaCode.startsWith(parent.code) &&
            !topic.areaCode.startsWith(grid.code) &&
            topic.areaCode !== parent.code,
        )
      );
    })!;
    general = world.grids.find((grid) => grid.id === micro.parentId)!;
    resident = world.people.find((person) => person.gridId === micro.id)!;
    visible = extras.topics.filter(
      (topic) =>
        topic.areaCode.startsWith(micro.code) ||
        topic.areaCode === general.code ||
        topic.areaCode === micro.code.slice(0, 12),
    );
    neighbours = extras.topics.filter((topic) => topic.areaCode.startsWith(general.code) && !visible.includes(topic));
  });

  it('a resident sees the topics of their micro-grid and of the grids around it, never a neighbouring micro-grid’s', async () => {
    const as = await tokenFor('RESIDENT', [micro.code], { personId: resident.id });
    expect(neighbours.length).toBeGreaterThan(0);
    const listed = await ask('{ topics(first: 100) { edges { node { id } } } }', {}, as);
    expect(nodeIds(listed.data?.topics)).toEqual(newestFirst(visible));
    const viaGrid = await ask(
      GRID_TOPICS,
      { r: [{ __typename: 'Grid', id: general.id, code: general.code }], first: 100 },
      as,
    );
    expect(nodeIds(viaGrid.data?._entities[0].topics)).toEqual(
      newestFirst(visible.filter((topic) => topic.areaCode.startsWith(general.code))),
    );
    const neighbour = await ask(`{ topic(id: "${neighbours[0]!.id}") { id } }`, {}, as);
    expect(neighbour.data?.topic).toBeNull();
  });

  it('a resident reads a topic but not the events its decision opened: that needs event:read', async () => {
    const decided = demoExtras().decisions[0]!;
    const topic = demoExtras().topics.find((row) => row.id === decided.topicId)!;
    const owner = demoWorld().people.find((person) => person.areaCode.startsWith(topic.areaCode))!;
    const as = await tokenFor('RESIDENT', [owner.areaCode], { personId: owner.id });
    const { data, errors } = await ask(`{ topic(id: "${topic.id}") { id status events { id } } }`, {}, as);
    expect(errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'topic.events'],
    ]);
    expect(data?.topic).toBeNull();
    expect((await ask(`{ topic(id: "${topic.id}") { id status } }`, {}, as)).data?.topic).toEqual({
      id: topic.id,
      status: 'DECIDED',
    });
  });

  it('a community worker sees no topic of another community', async () => {
    const other = await tokenFor('COMMUNITY_WORKER', ['510116001015']);
    const { data } = await ask(
      `{ topics(first: 100) { edges { node { id } } } topic(id: "${demoExtras().topics[0]!.id}") { id } }`,
      {},
      other,
    );
    expect(nodeIds(data?.topics)).toEqual(newestFirst(under('510116001015')));
    expect(data?.topic).toBeNull();
  });
});

describe('statements and bad arguments', () => {
  const statementsFor = async (query: string, variables: Record<string, unknown>) => {
    const before = services.events.db.statements.count;
    const { errors } = await ask(query, variables);
    expect(errors).toBeUndefined();
    return services.events.db.statements.count - before;
  };
  // Grids whose first page shows a decided topic first, then grids with topics, so 5 grids and 50 read the same kinds of rows.
  const rank = (grid: { code: string }) => {
    const page = newestFirst(under(gridAreaPrefix(grid.code))).slice(0, 3);
    return page.some((id) => demoExtras().topics.find((topic) => topic.id === id)?.status === 'DECIDED')
      ? 0
      : page.length
        ? 1
        : 2;
  };
  let grids: { __typename: string; id: string; code: string }[];
  beforeAll(() => {
    grids = [...demoWorld().grids]
      .sort((a, b) => rank(a) - rank(b))
      .map(({ id, code }) => ({ __typename: 'Grid', id, code }));
  });

  it('Grid.topics with their counts, the viewer’s vote and decisions costs the same statements for 5 grids as for 50', async () => {
    expect(grids.length).toBeGreaterThanOrEqual(50);
    // Page ids, their rows, the totals, comment counts, vote counts, the viewer's votes, the decisions.
    expect(await statementsFor(GRID_TOPICS, { r: grids.slice(0, 5), first: 3 })).toBe(7);
    expect(await statementsFor(GRID_TOPICS, { r: grids.slice(0, 50), first: 3 })).toBe(7);
  });

  it('resolves topic references and their comments in the same statements however many are asked', async () => {
    const query =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Topic { id commentCount comments(first: 2) { edges { node { id } } } } } }';
    const topics = [...demoExtras().topics]
      .sort((a, b) => commentsOf(b.id).length - commentsOf(a.id).length)
      .map(({ id }) => ({ __typename: 'Topic', id }));
    expect(topics.length).toBeGreaterThanOrEqual(25);
    // The topics, the comment counts, the comment page ids and the comment rows.
    expect(await statementsFor(query, { r: topics.slice(0, 5) })).toBe(4);
    expect(await statementsFor(query, { r: topics.slice(0, 25) })).toBe(4);
  });

  it('refuses a page over the cap, a malformed cursor and a malformed area code', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['query($first: Int) { topics(first: $first) { totalCount } }', { first: 500 }, 'first'],
      ['query($after: String) { topics(after: $after) { totalCount } }', { after: 'not-a-cursor' }, 'after'],
      ['{ topics(filter: { areaCode: "5101x" }) { totalCount } }', {}, 'filter.areaCode'],
      [GRID_TOPICS, { r: [{ __typename: 'Grid', id: totalGrid.id, code: totalGrid.code }], first: -1 }, 'first'],
    ];
    for (const [query, variables, argument] of cases) {
      const { errors } = await ask(query, variables);
      expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
  });
});
