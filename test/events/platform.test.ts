import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { checkDeadlines } from '../../subgraphs/events/src/actions/deadline-check.js';
import { Visit } from '../../subgraphs/events/src/entities/visit.js';
import { graphql } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import {
  CALENDAR,
  demoExtras,
  demoWorld,
  staffOf,
  STREET,
  token,
  type DemoPerson,
  type DemoStaff,
  type DemoVolunteer,
} from './support.js';

let elder: DemoPerson;
let COMMUNITY: string;
let leader: DemoStaff;
let volunteer: DemoVolunteer;
let stranger: DemoPerson;

let platform: Platform;
let community: string;
/** The micro-grid leader's own token: a staff member's visit is recorded by that staff member. */
let leaderToken: string;

beforeAll(async () => {
  const world = demoWorld();
  const elders = new Set(world.tags.filter((tag) => tag.code === 'LIVING_ALONE_ELDER').map((tag) => tag.personId));
  elder = world.people.find(
    (person) =>
      elders.has(person.id) &&
      person.areaCode.startsWith(STREET) &&
      staffOf(person.gridId).some((staff) => staff.role === 'MICRO_GRID_LEADER'),
  )!;
  COMMUNITY = elder.areaCode.slice(0, 12);
  leader = staffOf(elder.gridId).find((staff) => staff.role === 'MICRO_GRID_LEADER')!;
  volunteer = world.volunteers.find((row) => row.areaCode.startsWith(COMMUNITY))!;
  stranger = world.people.find((person) => !person.areaCode.startsWith(COMMUNITY))!;
  platform = await startPlatform();
  community = await token('COMMUNITY_WORKER', [COMMUNITY], undefined, 'community');
  leaderToken = await token('GRID_WORKER', [COMMUNITY], leader.personId, 'micro-grid-leader');
});
afterAll(() => platform?.stop());

const ask = (query: string, variables: Record<string, unknown>, as: string) =>
  graphql(platform.gatewayUrl, query, { token: as, variables });
const RECORD = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) {
  visit { id outcome notes followUpNeeded visitedAt visitorKind visitorStaff { id } visitorVolunteer { id } visitorPerson { id } person { id }
    followUpEvent { id source category status grid { id } followUpOf { id } } }
  userErrors { code field message } } }`;

describe('home visits (走访, 爱心敲门)', () => {
  it('records a staff member’s visit, and a client sees who has not been visited for 30 days in one query', async () => {
    const visitedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const { data, errors } = await ask(
      RECORD,
      {
        input: {
          personId: elder.id,
          visitorStaffId: leader.id,
          visitedAt: visitedAt.toISOString(),
          outcome: 'WELL',
          notes: '身体健康',
          followUpNeeded: false,
        },
      },
      leaderToken,
    );
    expect(errors).toBeUndefined();
    expect(data?.recordVisit).toEqual({
      visit: {
        id: expect.any(String),
        outcome: 'WELL',
        notes: '身体健康',
        followUpNeeded: false,
        visitedAt: visitedAt.toISOString(),
        visitorKind: 'STAFF',
        visitorStaff: { id: leader.id },
        visitorVolunteer: null,
        visitorPerson: { id: leader.personId },
        person: { id: elder.id },
        followUpEvent: null,
      },
      userErrors: [],
    });

    const before = platform.statements().events!;
    const list = await ask(
      `{ people(filter: { areaCode: "${COMMUNITY}", tags: ["LIVING_ALONE_ELDER"] }, first: 100) { edges { node { id lastVisitAt } } } }`,
      {},
      community,
    );
    expect(list.errors).toBeUndefined();
    // Every person's lastVisitAt in one statement of the events database.
    expect(platform.statements().events! - before).toBe(1);
    const nodes: { id: string; lastVisitAt: string | null }[] = list.data?.people.edges.map(
      (edge: { node: unknown }) => edge.node,
    );
    const thirtyDaysAgo = Date.now() - 30 * 86_400_000;
    const expected = nodes.map(({ id }) => {
      const times = demoExtras()
        .visits.filter((visit) => visit.personId === id)
        .map((visit) => visit.visitedAt.getTime());
      if (id === elder.id) times.push(visitedAt.getTime());
      return { id, lastVisitAt: times.length ? new Date(Math.max(...times)).toISOString() : null };
    });
    expect(nodes).toEqual(expected);
    const notVisited = nodes.filter(
      (node) => node.lastVisitAt === null || new Date(node.lastVisitAt).getTime() < thirtyDaysAgo,
    );
    expect(notVisited.map((node) => node.id)).not.toContain(elder.id);
  });

  it('records a volunteer’s visit that needs follow-up, creating a care event in the person’s grid', async () => {
    const { data } = await ask(
      RECORD,
      {
        input: {
          personId: elder.id,
          visitorVolunteerId: volunteer.id,
          outcome: 'NEEDS_HELP',
          notes: '家中水管漏水',
          followUpNeeded: true,
          followUp: { title: '独居老人家中水管漏水', priority: 'URGENT' },
        },
      },
      community,
    );
    expect(data?.recordVisit.userErrors).toEqual([]);
    const visit = data?.recordVisit.visit;
    expect(visit).toMatchObject({
      visitorKind: 'VOLUNTEER',
      visitorVolunteer: { id: volunteer.id },
      visitorPerson: { id: volunteer.personId },
      followUpNeeded: true,
      followUpEvent: {
        source: 'VISIT',
        category: '关爱走访',
        status: 'REPORTED',
        grid: { id: elder.gridId },
        followUpOf: { id: visit.id },
      },
    });
    const row = await platform.subgraphs.events.db.dataSource
      .getRepository(GridEvent)
      .findOneByOrFail({ id: visit.followUpEvent.id });
    expect(row).toMatchObject({
      title: '独居老人家中水管漏水',
      priority: 'URGENT',
      areaCode: elder.areaCode,
      visitId: visit.id,
    });
  });

  it('refuses a visit to someone unknown or outside the scope, by an unknown visitor, or by two visitors, and writes nothing', async () => {
    const { dataSource } = platform.subgraphs.events.db;
    const counts = async () => [
      await dataSource.getRepository(Visit).count(),
      await dataSource.getRepository(GridEvent).count(),
    ];
    const before = await counts();
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ personId: stranger.id, visitorStaffId: leader.id }, 'PERSON_NOT_FOUND', ['input', 'personId']],
      [{ personId: 'no-such-person', visitorStaffId: leader.id }, 'PERSON_NOT_FOUND', ['input', 'personId']],
      [{ personId: elder.id, visitorStaffId: 'no-such-staff' }, 'VISITOR_NOT_FOUND', ['input', 'visitorStaffId']],
      [
        { personId: elder.id, visitorVolunteerId: 'no-such-volunteer' },
        'VISITOR_NOT_FOUND',
        ['input', 'visitorVolunteerId'],
      ],
      [
        { personId: elder.id, visitorStaffId: leader.id, visitorVolunteerId: volunteer.id },
        'VISITOR_REQUIRED',
        ['input', 'visitorStaffId'],
      ],
      [
        { personId: elder.id, visitorStaffId: leader.id, followUpNeeded: true, followUp: { category: '不存在的类别' } },
        'UNKNOWN_CATEGORY',
        ['input', 'followUp', 'category'],
      ],
    ];
    for (const [input, code, field] of cases) {
      const { data, errors } = await ask(
        RECORD,
        { input: { outcome: 'WELL', followUpNeeded: false, ...input } },
        leaderToken,
      );
      expect(errors).toBeUndefined();
      expect(data?.recordVisit).toEqual({
        visit: null,
        userErrors: [{ code, field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }],
      });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('the closed loop through the gateway', () => {
  it('takes an event from report to evaluation, dispatched automatically through the graph, and escalates one left unaccepted', async () => {
    const reporter = demoWorld().people.find(
      (person) => person.gridId === elder.gridId && person.id !== leader.personId,
    )!;
    const residentToken = await token('RESIDENT', [reporter.areaCode], reporter.id);
    const leaderToken = await token('GRID_WORKER', [COMMUNITY], leader.personId);
    const step = async (name: string, type: string, input: Record<string, unknown>, as: string) => {
      const { data, errors } = await ask(
        `mutation($input: ${type}!) { ${name}(input: $input) { event { id status } userErrors { code } } }`,
        { input },
        as,
      );
      expect(errors).toBeUndefined();
      expect(data?.[name].userErrors, name).toEqual([]);
      return data?.[name].event.id as string;
    };
    const eventId = await step(
      'reportEvent',
      'ReportEventInput',
      { gridId: elder.gridId, title: '楼道灯不亮', category: '公共设施' },
      residentToken,
    );
    await step('registerEvent', 'EventStepInput', { eventId }, community);
    await step('dispatchEvent', 'DispatchEventInput', { eventId }, community);
    await step('acceptEvent', 'EventStepInput', { eventId }, leaderToken);
    await step('startEventHandling', 'EventStepInput', { eventId }, leaderToken);
    await step('submitEventFeedback', 'SubmitEventFeedbackInput', { eventId, note: '已更换灯泡' }, leaderToken);
    await step('verifyEvent', 'EventStepInput', { eventId }, community);
    await step('closeEvent', 'EventStepInput', { eventId }, community);
    await step('evaluateEvent', 'EvaluateEventInput', { eventId, rating: 5 }, residentToken);
    const { data } = await ask(
      `{ event(id: "${eventId}") { status reporter { name } assignee { role person { name } } timeline { step toStatus assignee { role } } } }`,
      {},
      community,
    );
    const name = (personId: string) => demoWorld().people.find((person) => person.id === personId)!.name;
    expect(data?.event).toEqual({
      status: 'EVALUATED',
      reporter: { name: name(reporter.id) },
      assignee: { role: 'MICRO_GRID_LEADER', person: { name: name(leader.personId) } },
      timeline: [
        ['REPORT', 'REPORTED'],
        ['REGISTER', 'REGISTERED'],
        ['DISPATCH', 'DISPATCHED'],
        ['ACCEPT', 'ACCEPTED'],
        ['START', 'IN_PROGRESS'],
        ['SUBMIT_FEEDBACK', 'FEEDBACK_SUBMITTED'],
        ['VERIFY', 'VERIFIED'],
        ['CLOSE', 'CLOSED'],
        ['EVALUATE', 'EVALUATED'],
      ].map(([stepName, toStatus]) => ({
        step: stepName,
        toStatus,
        assignee: stepName === 'DISPATCH' ? { role: 'MICRO_GRID_LEADER' } : null,
      })),
    });

    const late = await step(
      'reportEvent',
      'ReportEventInput',
      { gridId: elder.gridId, title: '井盖缺失', category: '公共设施' },
      community,
    );
    await step('registerEvent', 'EventStepInput', { eventId: late }, community);
    await step('dispatchEvent', 'DispatchEventInput', { eventId: late }, community);
    await checkDeadlines(platform.subgraphs.events.db, {
      now: new Date(Date.now() + 7 * 86_400_000),
      calendar: CALENDAR,
    });
    const escalated = await ask(
      `{ event(id: "${late}") { assignedLevel assignee { role } timeline { step note } } }`,
      {},
      community,
    );
    expect(escalated.data?.event).toMatchObject({ assignedLevel: 'GRID', assignee: { role: 'GRID_WORKER' } });
    expect(escalated.data?.event.timeline.at(-1)).toEqual({
      step: 'ESCALATE',
      note: '超过接收时限未接收，升级派遣至网格责任人',
    });
  });
});

describe('reports that name a resident', () => {
  it('lets the hotline report for a resident it names, and refuses a resident the graph does not know', async () => {
    const hotline = await token('INTEGRATION', [COMMUNITY], undefined, 'hotline-12345');
    const REPORT =
      'mutation($input: ReportEventInput!) { reportEvent(input: $input) { event { source reporter { id name } } userErrors { code field } } }';
    const input = { gridId: elder.gridId, title: '12345转办：噪音扰民', category: '矛盾纠纷', source: 'HOTLINE_12345' };
    const named = await ask(REPORT, { input: { ...input, reporterId: elder.id } }, hotline);
    expect(named.data?.reportEvent).toEqual({
      event: { source: 'HOTLINE_12345', reporter: { id: elder.id, name: expect.any(String) } },
      userErrors: [],
    });
    const before = await platform.subgraphs.events.db.dataSource.getRepository(GridEvent).count();
    const unknown = await ask(REPORT, { input: { ...input, reporterId: 'no-such-person' } }, hotline);
    expect(unknown.data?.reportEvent).toEqual({
      event: null,
      userErrors: [{ code: 'PERSON_NOT_FOUND', field: ['input', 'reporterId'] }],
    });
    expect(await platform.subgraphs.events.db.dataSource.getRepository(GridEvent).count()).toBe(before);
  });
});
