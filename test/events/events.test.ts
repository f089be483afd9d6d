import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/graphql.js';
import { accessesOf, capturingStatements } from '../support/plans.js';
import type { TestSubgraph } from '../support/subgraph.js';
import {
  demoExtras,
  demoWorld,
  HUAYUAN,
  JIEDAISI,
  newestFirst,
  nodeIds,
  sortedIds,
  startEvents,
  STREET,
  type DemoEventRow,
  type EventServices,
} from './support.js';

type DemoEvent = DemoEventRow;

let services: EventServices;
let events: TestSubgraph;
let streetAdmin: string;

beforeAll(async () => {
  services = await startEvents();
  events = services.events;
  streetAdmin = await tokenFor('STREET_ADMIN', [STREET]);
});
afterAll(() => services?.stop());

function ask(query: string, variables: Record<string, unknown> = {}, token: string | null = streetAdmin) {
  return services.ask(query, variables, token);
}

const under = (prefix: string) => demoExtras().events.filter((event) => event.areaCode.startsWith(prefix));

/** Resolves entity representations and returns how many SQL statements that took. */
async function statementsToResolve(
  query: string,
  representations: Record<string, string>[],
  variables: Record<string, unknown> = {},
) {
  const before = events.db.statements.count;
  const { data, errors } = await ask(query, { ...variables, r: representations });
  expect(errors).toBeUndefined();
  expect(data?._entities).toHaveLength(representations.length);
  return events.db.statements.count - before;
}

/** The most frequent non-null value of a property among events in the street. */
function busiest(property: 'assigneeId' | 'reporterId'): string {
  const counts = new Map<string, number>();
  for (const event of under(STREET)) {
    const value = event[property];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

const EVENTS_QUERY = `query($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
}`;
const ENTITY_EVENTS = `query($r: [_Any!]!, $first: Int) { _entities(representations: $r) {
  ... on Grid { events(first: $first) { totalCount edges { node { id } } } }
  ... on GridStaff { assignedEvents(first: $first) { totalCount edges { node { id } } } }
  ... on Person { reportedEvents(first: $first) { totalCount edges { node { id } } } }
} }`;

describe('events subgraph: access', () => {
  it('answers health while its database answers', async () => {
    const response = await fetch(events.url.replace('/graphql', '/health'));
    expect(await response.json()).toEqual({ service: 'events', status: 'ready' });
  });

  it('refuses a request without a token and returns no data', async () => {
    const response = await ask('{ events { totalCount } }', {}, null);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a resident or a volunteer cannot read events, by id, in lists or through a grid', async () => {
    const event = under(STREET)[0]!;
    const grid = demoWorld().grids.find((candidate) => candidate.id === event.gridId)!;
    for (const role of ['RESIDENT', 'VOLUNTEER'] as const) {
      const token = await tokenFor(role, [STREET]);
      const byId = await ask(`{ event(id: "${event.id}") { id } }`, {}, token);
      expect(byId.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const list = await ask('{ events { totalCount } }', {}, token);
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const viaGrid = await ask(ENTITY_EVENTS, { r: [{ __typename: 'Grid', id: grid.id, code: grid.code }] }, token);
      expect(viaGrid.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('a community worker cannot read another community’s event: null by id, absent from lists and from Grid.events', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', [HUAYUAN]);
    const foreign = under(JIEDAISI)[0]!;
    const own = under(HUAYUAN)[0]!;
    const { data } = await ask(
      `{ foreign: event(id: "${foreign.id}") { id } own: event(id: "${own.id}") { id }
         street: events(filter: { areaCode: "${STREET}" }, first: 100) { totalCount edges { node { id } } }
         other: events(filter: { areaCode: "${JIEDAISI}" }) { totalCount } }`,
      {},
      token,
    );
    expect(data?.foreign).toBeNull();
    expect(data?.own).toEqual({ id: own.id });
    expect(data?.street.totalCount).toBe(under(HUAYUAN).length);
    expect(nodeIds(data?.street)).toEqual(newestFirst(under(HUAYUAN)));
    expect(data?.other.totalCount).toBe(0);
    const total = demoWorld().grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === JIEDAISI)!;
    const viaGrid = await ask(ENTITY_EVENTS, { r: [{ __typename: 'Grid', id: total.id, code: total.code }] }, token);
    expect(viaGrid.data?._entities[0].events).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('events subgraph: reading and filtering', () => {
  it('serves an event with its grid, reporter and assignee as references', async () => {
    const event = under(STREET).find(
      (candidate) => candidate.reporterId && candidate.assigneeId && candidate.closedAt,
    )!;
    const { data } = await ask(`{ event(id: "${event.id}") {
      id title description category priority source status reportedAt updatedAt closedAt
      grid { id code } reporter { id } assignee { id } } }`);
    expect(data?.event).toEqual({
      id: event.id,
      title: event.title,
      description: event.description,
      category: event.category,
      priority: event.priority,
      source: event.source,
      status: event.status,
      reportedAt: event.reportedAt.toISOString(),
      updatedAt: event.updatedAt.toISOString(),
      closedAt: event.closedAt!.toISOString(),
      grid: { id: event.gridId, code: event.areaCode },
      reporter: { id: event.reporterId },
      assignee: { id: event.assigneeId },
    });
  });

  it('serves no reporter and no assignee for an event that has neither', async () => {
    const event = under(STREET).find((candidate) => !candidate.reporterId && !candidate.assigneeId)!;
    const { data } = await ask(`{ event(id: "${event.id}") { reporter { id } assignee { id } closedAt } }`);
    expect(data?.event).toEqual({ reporter: null, assignee: null, closedAt: null });
  });

  it('filters events by an area code prefix: a street, a community, a micro-grid', async () => {
    const micro = under(HUAYUAN)[0]!.areaCode;
    for (const areaCode of [STREET, HUAYUAN, micro]) {
      const { data } = await ask(EVENTS_QUERY, { filter: { areaCode }, first: 100 });
      expect(data?.events.totalCount).toBe(under(areaCode).length);
    }
    const { data } = await ask(EVENTS_QUERY, { filter: { areaCode: HUAYUAN }, first: 100 });
    expect(nodeIds(data?.events)).toEqual(newestFirst(under(HUAYUAN)));
  });

  it('filters events by a list of statuses', async () => {
    const closed = under(STREET).filter((event) => event.status === 'CLOSED' || event.status === 'EVALUATED');
    const { data } = await ask(EVENTS_QUERY, { filter: { status: ['CLOSED', 'EVALUATED'] }, first: 100 });
    expect(data?.events.totalCount).toBe(closed.length);
    expect(nodeIds(data?.events)).toEqual(newestFirst(closed));
  });

  it('treats an empty status list as any status', async () => {
    const { data } = await ask(EVENTS_QUERY, { filter: { status: [] }, first: 1 });
    expect(data?.events.totalCount).toBe(under(STREET).length);
  });

  it('filters events by priority and category, alone and together', async () => {
    const cases: [Record<string, unknown>, (event: DemoEvent) => boolean][] = [
      [{ priority: 'URGENT' }, (event) => event.priority === 'URGENT'],
      [{ category: '安全隐患' }, (event) => event.category === '安全隐患'],
      [
        { priority: 'NORMAL', category: '矛盾纠纷', areaCode: HUAYUAN },
        (event) => event.priority === 'NORMAL' && event.category === '矛盾纠纷' && event.areaCode.startsWith(HUAYUAN),
      ],
      [{ category: '没有这个类别' }, () => false],
    ];
    for (const [filter, matches] of cases) {
      const expected = under(STREET).filter(matches);
      const { data } = await ask(EVENTS_QUERY, { filter, first: 100 });
      expect(data?.events.totalCount).toBe(expected.length);
      expect(nodeIds(data?.events)).toEqual(newestFirst(expected));
    }
  });

  it('pages events newest first with opaque keyset cursors until the last page', async () => {
    const expected = newestFirst(under(HUAYUAN));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data } = await ask(EVENTS_QUERY, { filter: { areaCode: HUAYUAN }, first: 3, after });
      seen.push(...nodeIds(data?.events));
      pages += 1;
      expect(data?.events.pageInfo.endCursor).toBe(data?.events.edges.at(-1)?.cursor ?? null);
      if (!data?.events.pageInfo.hasNextPage) break;
      after = data.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it('resolves event references in one statement however many are asked', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on GridEvent { id status } } }';
    const representations = sortedIds(under(STREET)).map((id) => ({ __typename: 'GridEvent', id }));
    expect(await statementsToResolve(query, representations.slice(0, 5))).toBe(1);
    expect(await statementsToResolve(query, representations.slice(0, 50))).toBe(1);
  });
});

describe('events subgraph: fields on other subgraphs’ entities', () => {
  it('lists a grid’s events, a community total grid holding all of its community’s', async () => {
    const total = demoWorld().grids.find((grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === HUAYUAN)!;
    const micro = demoWorld().grids.find((grid) => grid.id === under(HUAYUAN)[0]!.gridId)!;
    const general = demoWorld().grids.find((grid) => grid.id === micro.parentId)!;
    const { data } = await ask(ENTITY_EVENTS, {
      first: 100,
      r: [total, general, micro].map(({ id, code }) => ({ __typename: 'Grid', id, code })),
    });
    const [ofTotal, ofGeneral, ofMicro] = data!._entities;
    expect(ofTotal.events.totalCount).toBe(under(HUAYUAN).length);
    expect(nodeIds(ofTotal.events)).toEqual(sortedIds(under(HUAYUAN)));
    expect(ofGeneral.events.totalCount).toBe(under(general.code).length);
    expect(ofMicro.events.totalCount).toBe(under(micro.code).length);
    expect(nodeIds(ofMicro.events)).toEqual(sortedIds(under(micro.code)));
  });

  const owners = [
    ['lists the events assigned to a staff member', 'GridStaff', 'assignedEvents', 'assigneeId'],
    ['lists the events a person reported', 'Person', 'reportedEvents', 'reporterId'],
  ] as const;
  for (const [name, typename, field, property] of owners) {
    it(name, async () => {
      const id = busiest(property);
      const expected = under(STREET).filter((event) => event[property] === id);
      const { data } = await ask(ENTITY_EVENTS, { first: 100, r: [{ __typename: typename, id }] });
      expect(data?._entities[0][field].totalCount).toBe(expected.length);
      expect(nodeIds(data?._entities[0][field])).toEqual(sortedIds(expected));
    });
  }

  // Parents that have events come first, so that 5 parents and 50 both load rows.
  const withEventsFirst = <T extends { id: string }>(rows: T[], owns: (event: DemoEvent, row: T) => boolean) => {
    const hasEvents = (row: T) => under(STREET).some((event) => owns(event, row));
    return [...rows.filter(hasEvents), ...rows.filter((row) => !hasEvents(row))];
  };
  const parents: [string, () => Record<string, string>[]][] = [
    [
      'Grid.events',
      () =>
        withEventsFirst(
          demoWorld().grids.filter((grid) => grid.code.startsWith(STREET)),
          (event, grid) => event.areaCode.startsWith(grid.code),
        ).map(({ id, code }) => ({ __typename: 'Grid', id, code })),
    ],
    [
      'GridStaff.assignedEvents',
      () =>
        withEventsFirst(
          demoWorld().staff.filter((staff) => staff.areaCode.startsWith(STREET)),
          (event, staff) => event.assigneeId === staff.id,
        ).map(({ id }) => ({ __typename: 'GridStaff', id })),
    ],
    [
      'Person.reportedEvents',
      () =>
        withEventsFirst(
          demoWorld().people.filter((person) => person.areaCode.startsWith(STREET)),
          (event, person) => event.reporterId === person.id,
        ).map(({ id }) => ({ __typename: 'Person', id })),
    ],
  ];
  for (const [field, representations] of parents) {
    it(`${field} costs the same statements for 5 parents as for 50`, async () => {
      const all = representations();
      expect(all.length).toBeGreaterThanOrEqual(50);
      // One statement for the ids of every page, one for their rows, one for the counts.
      expect(await statementsToResolve(ENTITY_EVENTS, all.slice(0, 5), { first: 2 })).toBe(3);
      expect(await statementsToResolve(ENTITY_EVENTS, all.slice(0, 50), { first: 2 })).toBe(3);
    });
  }
});

describe('events subgraph: bad input', () => {
  it('refuses a page larger than the cap, a negative page, a malformed cursor and a malformed area code', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [EVENTS_QUERY, { first: 500 }, 'first'],
      [EVENTS_QUERY, { first: -1 }, 'first'],
      [EVENTS_QUERY, { after: 'not-a-cursor' }, 'after'],
      [EVENTS_QUERY, { filter: { areaCode: '51A' } }, 'filter.areaCode'],
      [EVENTS_QUERY, { filter: { areaCode: '5101160011' } }, 'filter.areaCode'],
      [ENTITY_EVENTS, { first: 500, r: [{ __typename: 'Person', id: 'p' }] }, 'first'],
      [ENTITY_EVENTS, { r: [{ __typename: 'Grid', id: 'g', code: '%' }] }, 'code'],
    ];
    for (const [query, variables, argument] of cases) {
      const { errors } = await ask(query, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('refuses a cursor on the fields of other subgraphs’ entities too', async () => {
    const { errors } = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on GridStaff { assignedEvents(after: "!!") { totalCount } } } }',
      {
        r: [{ __typename: 'GridStaff', id: 's' }],
      },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('events subgraph: deadlines, timelines and the domain’s reads', () => {
  const NOW = new Date('2026-11-30T01:00:00Z');

  it('serves an event’s version, deadlines, dispatch level and whole timeline as the demo replayed them', async () => {
    const event = under(STREET).find((candidate) => candidate.status === 'EVALUATED' && candidate.assigneeId)!;
    const timeline = demoExtras().actions.filter((action) => action.eventId === event.id);
    const { data } = await ask(`{ event(id: "${event.id}") {
      version deadline deadlineStage finishDeadline overdue assignedLevel rating evaluation
      timeline { step fromStatus toStatus at actor actorRole actorPerson { id } assignee { id } note version } } }`);
    expect(data?.event).toEqual({
      version: timeline.length,
      deadline: null,
      deadlineStage: null,
      finishDeadline: event.finishDueAt!.toISOString(),
      overdue: false,
      assignedLevel: 'MICRO_GRID',
      rating: event.rating,
      evaluation: event.evaluation,
      timeline: timeline.map((action) => ({
        step: action.step,
        fromStatus: action.fromStatus,
        toStatus: action.toStatus,
        at: action.at.toISOString(),
        actor: action.actorSubject,
        actorRole: action.actorRole,
        actorPerson: action.actorPersonId ? { id: action.actorPersonId } : null,
        assignee: action.assigneeId ? { id: action.assigneeId } : null,
        note: action.note,
        version: action.version,
      })),
    });
    expect(data?.event.timeline.map((action: { step: string }) => action.step)).toEqual([
      'REPORT',
      'REGISTER',
      'DISPATCH',
      'ACCEPT',
      'START',
      'SUBMIT_FEEDBACK',
      'VERIFY',
      'CLOSE',
      'EVALUATE',
    ]);
  });

  it('loads the timelines of fifty events in one statement', async () => {
    const query =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on GridEvent { id timeline { step } } } }';
    const representations = sortedIds(under(STREET))
      .slice(0, 50)
      .map((id) => ({ __typename: 'GridEvent', id }));
    expect(await statementsToResolve(query, representations.slice(0, 5))).toBe(2);
    expect(await statementsToResolve(query, representations)).toBe(2);
  });

  it('filters overdue events: the running deadline has passed at the subgraph’s clock', async () => {
    for (const overdue of [true, false]) {
      const expected = under(STREET).filter(
        (event) => (event.deadlineAt !== null && event.deadlineAt < NOW) === overdue,
      );
      const { data } = await ask(EVENTS_QUERY, { filter: { overdue }, first: 100 });
      expect(data?.events.totalCount).toBe(expected.length);
      expect(nodeIds(data?.events)).toEqual(newestFirst(expected).slice(0, 100));
    }
    const { data } = await ask(
      `{ events(filter: { overdue: true, areaCode: "${HUAYUAN}" }, first: 1) { edges { node { overdue deadline deadlineStage } } } }`,
    );
    expect(data?.events.edges[0].node).toMatchObject({ overdue: true });
    expect(new Date(data?.events.edges[0].node.deadline).getTime()).toBeLessThan(NOW.getTime());
  });

  it('filters by source', async () => {
    const expected = under(STREET).filter((event) => event.source === 'HOTLINE_12345');
    const { data } = await ask(EVENTS_QUERY, { filter: { source: 'HOTLINE_12345' }, first: 100 });
    expect(data?.events.totalCount).toBe(expected.length);
    expect(nodeIds(data?.events)).toEqual(newestFirst(expected));
  });

  it('pages a street’s events in one statement a page, the count one more, whichever page it is', async () => {
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const before = events.db.statements.count;
      const { data } = await ask(
        'query($after: String) { events(filter: { areaCode: "510116001", status: [CLOSED, EVALUATED, REPORTED] }, first: 20, after: $after) { pageInfo { endCursor } edges { node { id } } } }',
        { after },
      );
      expect(events.db.statements.count - before).toBe(1);
      after = data?.events.pageInfo.endCursor;
    }
    const before = events.db.statements.count;
    await ask('{ events(filter: { overdue: true }, first: 20) { totalCount edges { node { id } } } }');
    expect(events.db.statements.count - before).toBe(2);
  });

  it('finds a page’s events in the page index and reads only the page’s rows', async () => {
    const sent = await capturingStatements(events.db, () =>
      ask(
        '{ events(filter: { areaCode: "510116001", status: [DISPATCHED, ACCEPTED, IN_PROGRESS] }, first: 20) { edges { node { id } } } }',
      ),
    );
    expect(sent).toHaveLength(1);
    const accesses = await accessesOf(events.db, sent[0]!, 'event');
    // Never a scan. On MySQL the page's ids come from index entries alone (at street scale
    // the page index walked newest first; on this small table the planner may range over the
    // statistics index instead), then each of the page's rows by its key. SQLite's indexes
    // hold the rowid, not the id, so there the id step reads rows too.
    expect(accesses).not.toContain('scan');
    if (events.db.kind === 'mysql') {
      expect(accesses.filter((access) => access.startsWith('index-only'))).toHaveLength(1);
      expect(accesses.filter((access) => !access.startsWith('index-only'))).toEqual(['index PRIMARY']);
    }
  });

  it('lists a staff member’s events of some statuses, batched for many staff', async () => {
    const id = busiest('assigneeId');
    const expected = under(STREET).filter(
      (event) => event.assigneeId === id && ['CLOSED', 'EVALUATED'].includes(event.status),
    );
    const query =
      'query($r: [_Any!]!, $status: [EventStatus!]) { _entities(representations: $r) { ... on GridStaff { assignedEvents(status: $status, first: 100) { totalCount edges { node { id status } } } } } }';
    const { data } = await ask(query, { r: [{ __typename: 'GridStaff', id }], status: ['CLOSED', 'EVALUATED'] });
    expect(data?._entities[0].assignedEvents.totalCount).toBe(expected.length);
    expect(nodeIds(data?._entities[0].assignedEvents)).toEqual(sortedIds(expected));
    const closedBy = (member: { id: string }) =>
      under(STREET).some((event) => event.assigneeId === member.id && event.status === 'CLOSED');
    const street = demoWorld().staff.filter((member) => member.areaCode.startsWith(STREET));
    const staff = [...street.filter(closedBy), ...street.filter((member) => !closedBy(member))].map((member) => ({
      __typename: 'GridStaff',
      id: member.id,
    }));
    // One statement for the ids of every page, one for their rows, one for the counts.
    expect(await statementsToResolve(query, staff.slice(0, 5), { status: ['CLOSED'] })).toBe(3);
    expect(await statementsToResolve(query, staff.slice(0, 50), { status: ['CLOSED'] })).toBe(3);
  });

  it('serves the category catalogue in its display order', async () => {
    const { data } = await ask(
      '{ eventCategories { name categoryClass active normal { registerMinutes acceptMinutes finishMinutes } urgent { finishMinutes } } }',
    );
    expect(data?.eventCategories.map((category: { name: string }) => category.name)).toEqual([
      '公共设施',
      '交通设施',
      '市容环境设施',
      '园林绿化',
      '其他部件',
      '市容环境',
      '宣传广告',
      '施工管理',
      '街面秩序',
      '突发事件',
      '其他事件',
      '安全隐患',
      '矛盾纠纷',
      '关爱走访',
    ]);
    expect(data?.eventCategories[12]).toEqual({
      name: '矛盾纠纷',
      categoryClass: 'COMMUNITY',
      active: true,
      normal: { registerMinutes: 60, acceptMinutes: 60, finishMinutes: 13 * 420 },
      urgent: { finishMinutes: 1440 },
    });
  });

  it('serves a demo inspection with its findings, each rectification linked both ways', async () => {
    const inspection = demoExtras().inspections.find((row) => row.areaCode.startsWith(STREET))!;
    const findings = demoExtras().findings.filter((finding) => finding.inspectionId === inspection.id);
    const rectified = findings.find((finding) => finding.rectificationEventId)!;
    const event = demoExtras().events.find((row) => row.id === rectified.rectificationEventId)!;
    const { data } = await ask(
      `{ inspection(id: "${inspection.id}") { id status grid { id code } findings { id hazardLevel needsRectification rectification { id source category rectificationOf { id inspection { id } } } } } }`,
    );
    expect(data?.inspection).toEqual({
      id: inspection.id,
      status: inspection.status,
      grid: { id: inspection.gridId, code: inspection.areaCode },
      findings: findings.map((finding) => ({
        id: finding.id,
        hazardLevel: finding.hazardLevel,
        needsRectification: finding.needsRectification,
        rectification: finding.rectificationEventId
          ? {
              id: event.id,
              source: 'INSPECTION',
              category: '安全隐患',
              rectificationOf: { id: finding.id, inspection: { id: inspection.id } },
            }
          : null,
      })),
    });
    expect(inspection.status).toBe(['CLOSED', 'EVALUATED', 'CANCELLED'].includes(event.status) ? 'CLOSED' : 'OPEN');
  });

  it('answers Person.lastVisitAt for fifty people in one statement, null for those never visited', async () => {
    const people = demoWorld()
      .people.filter((person) => person.areaCode.startsWith(STREET))
      .slice(0, 50);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id lastVisitAt } } }';
    const before = events.db.statements.count;
    const { data } = await ask(query, { r: people.map(({ id }) => ({ __typename: 'Person', id })) });
    expect(events.db.statements.count - before).toBe(1);
    const expected = people.map((person) => {
      const times = demoExtras()
        .visits.filter((visit) => visit.personId === person.id)
        .map((visit) => visit.visitedAt.getTime());
      return { id: person.id, lastVisitAt: times.length ? new Date(Math.max(...times)).toISOString() : null };
    });
    expect(data?._entities).toEqual(expected);
    expect(expected.some((row) => row.lastVisitAt !== null)).toBe(true);
  });

  it('lists a person’s visits with the visitor and the follow-up event', async () => {
    const visit = demoExtras().visits.find((row) => row.followUpEventId && row.areaCode.startsWith(STREET))!;
    const { data } = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { visits { totalCount edges { node { id outcome followUpNeeded visitorKind visitorStaff { id } followUpEvent { id source followUpOf { id } } } } } } } }',
      {
        r: [{ __typename: 'Person', id: visit.personId }],
      },
    );
    const mine = demoExtras().visits.filter((row) => row.personId === visit.personId);
    expect(data?._entities[0].visits.totalCount).toBe(mine.length);
    expect(data?._entities[0].visits.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      id: visit.id,
      outcome: 'NEEDS_HELP',
      followUpNeeded: true,
      visitorKind: 'STAFF',
      visitorStaff: { id: visit.visitorId },
      followUpEvent: { id: visit.followUpEventId, source: 'VISIT', followUpOf: { id: visit.id } },
    });
  });
});
