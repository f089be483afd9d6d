import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingMinutes } from '../../subgraphs/events/src/domain/working-time.js';
import { EventAction } from '../../subgraphs/events/src/entities/event-action.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import {
  CALENDAR,
  demoWorld,
  JIEDAISI,
  SANYIQIAO,
  staffedMicroGrid,
  startEvents,
  token,
  type DemoGrid,
  type DemoPerson,
  type DemoStaff,
  type EventServices,
} from './support.js';

let micro: DemoGrid;
let leader: DemoStaff;
let gridWorker: DemoStaff;
let resident: DemoPerson;
let foreignGrid: DemoGrid;

let services: EventServices;
let community: string;
let leaderToken: string;
let gridWorkerToken: string;
let residentToken: string;

beforeAll(async () => {
  ({ micro, leader, gridWorker } = staffedMicroGrid(SANYIQIAO));
  const world = demoWorld();
  resident = world.people.find(
    (person) => person.gridId === micro.id && !world.staff.some((staff) => staff.personId === person.id),
  )!;
  foreignGrid = world.grids.find((grid) => grid.type === 'MICRO' && grid.communityCode === JIEDAISI)!;
  // Monday 30 November 2026, 09:30 in Shanghai: inside working hours.
  services = await startEvents({ grids: true, clock: '2026-11-30T01:30:00Z' });
  community = await token('COMMUNITY_WORKER', [SANYIQIAO], undefined, 'community-sanyiqiao');
  leaderToken = await token('GRID_WORKER', [micro.code], leader.personId, 'leader');
  gridWorkerToken = await token('GRID_WORKER', [micro.code.slice(0, 15)], gridWorker.personId, 'grid-worker');
  residentToken = await token('RESIDENT', [micro.code], resident.id, 'resident');
});
afterAll(() => services?.stop());

const EVENT_FIELDS =
  'id status version reporter { id } assignee { id } assignedLevel deadline deadlineStage finishDeadline closedAt rating evaluation photos';
const PAYLOAD = `event { ${EVENT_FIELDS} } action { step fromStatus toStatus at actor actorRole note version assignee { id } } userErrors { code field message }`;
const INPUT_TYPES: Record<string, string> = {
  reportEvent: 'ReportEventInput',
  dispatchEvent: 'DispatchEventInput',
  submitEventFeedback: 'SubmitEventFeedbackInput',
  evaluateEvent: 'EvaluateEventInput',
};

async function step(name: string, input: Record<string, unknown>, as: string) {
  const { data, errors } = await services.ask(
    `mutation($input: ${INPUT_TYPES[name] ?? 'EventStepInput'}!) { ${name}(input: $input) { ${PAYLOAD} } }`,
    { input },
    as,
  );
  expect(errors).toBeUndefined();
  return data?.[name];
}

async function report(overrides: Record<string, unknown> = {}, as = residentToken) {
  const payload = await step(
    'reportEvent',
    { gridId: micro.id, title: '楼道堆放杂物堵塞通道', category: '安全隐患', ...overrides },
    as,
  );
  expect(payload.userErrors).toEqual([]);
  return payload.event.id as string;
}

/** The stored row and timeline of an event, to show that a refused step wrote nothing. */
async function stored(eventId: string) {
  const { dataSource } = services.events.db;
  return {
    event: await dataSource.getRepository(GridEvent).findOneByOrFail({ id: eventId }),
    timeline: await dataSource.getRepository(EventAction).find({ where: { eventId }, order: { version: 'ASC' } }),
  };
}

/** Takes an event along the flow to a status, each step by the party whose step it is. */
async function bring(eventId: string, steps: [string, string, Record<string, unknown>?][]) {
  for (const [name, as, extra] of steps) {
    const payload = await step(name, { eventId, ...extra }, as);
    expect(payload.userErrors, name).toEqual([]);
  }
}
const TO_IN_PROGRESS = (): [string, string, Record<string, unknown>?][] => [
  ['registerEvent', community],
  ['dispatchEvent', community],
  ['acceptEvent', leaderToken],
  ['startEventHandling', leaderToken],
];

describe('the closed loop through the graph', () => {
  it('takes a resident’s report through the whole flow, dispatched automatically to the micro-grid leader, with a complete timeline', async () => {
    const { clock } = services;
    const reportedAt = clock.now();
    const eventId = await report({ description: '3单元楼道堆满纸箱', photos: ['https://img.example.cn/a.jpg'] });
    const timeline: [string, string, Record<string, unknown>, number][] = [
      ['registerEvent', community, {}, 10],
      ['dispatchEvent', community, { note: '请尽快处理' }, 5],
      ['acceptEvent', leaderToken, {}, 20],
      ['startEventHandling', leaderToken, {}, 30],
      ['submitEventFeedback', leaderToken, { note: '已清理完毕', photos: ['https://img.example.cn/b.jpg'] }, 120],
      ['verifyEvent', community, {}, 60],
      ['closeEvent', community, {}, 10],
      ['evaluateEvent', residentToken, { rating: 5, note: '很及时' }, 60],
    ];
    const times: Date[] = [reportedAt];
    for (const [name, as, input, minutes] of timeline) {
      clock.advance(minutes);
      times.push(clock.now());
      const payload = await step(name, { eventId, ...input }, as);
      expect(payload.userErrors).toEqual([]);
    }
    const registeredAt = times[1]!;
    const { data } = await services.ask(
      `{ event(id: "${eventId}") { ${EVENT_FIELDS} source timeline { step fromStatus toStatus at actor actorRole note version assignee { id } } } }`,
      {},
      community,
    );
    expect(data?.event).toMatchObject({
      status: 'EVALUATED',
      version: 9,
      source: 'RESIDENT',
      reporter: { id: resident.id },
      assignee: { id: leader.id },
      assignedLevel: 'MICRO_GRID',
      deadline: null,
      deadlineStage: null,
      closedAt: times[7]!.toISOString(),
      rating: 5,
      evaluation: '很及时',
      // 安全隐患 has two working days (2 × 420 minutes) to close, from registration.
      finishDeadline: addWorkingMinutes(registeredAt, 840, CALENDAR).toISOString(),
      photos: ['https://img.example.cn/a.jpg', 'https://img.example.cn/b.jpg'],
    });
    expect(data?.event.timeline).toEqual(
      [
        {
          step: 'REPORT',
          fromStatus: null,
          toStatus: 'REPORTED',
          actor: 'resident',
          actorRole: 'RESIDENT',
          note: null,
          assignee: null,
        },
        {
          step: 'REGISTER',
          fromStatus: 'REPORTED',
          toStatus: 'REGISTERED',
          actor: 'community-sanyiqiao',
          actorRole: 'COMMUNITY_WORKER',
          note: null,
          assignee: null,
        },
        {
          step: 'DISPATCH',
          fromStatus: 'REGISTERED',
          toStatus: 'DISPATCHED',
          actor: 'community-sanyiqiao',
          actorRole: 'COMMUNITY_WORKER',
          note: '自动派遣：派遣至微网格责任人；请尽快处理',
          assignee: { id: leader.id },
        },
        {
          step: 'ACCEPT',
          fromStatus: 'DISPATCHED',
          toStatus: 'ACCEPTED',
          actor: 'leader',
          actorRole: 'GRID_WORKER',
          note: null,
          assignee: null,
        },
        {
          step: 'START',
          fromStatus: 'ACCEPTED',
          toStatus: 'IN_PROGRESS',
          actor: 'leader',
          actorRole: 'GRID_WORKER',
          note: null,
          assignee: null,
        },
        {
          step: 'SUBMIT_FEEDBACK',
          fromStatus: 'IN_PROGRESS',
          toStatus: 'FEEDBACK_SUBMITTED',
          actor: 'leader',
          actorRole: 'GRID_WORKER',
          note: '已清理完毕',
          assignee: null,
        },
        {
          step: 'VERIFY',
          fromStatus: 'FEEDBACK_SUBMITTED',
          toStatus: 'VERIFIED',
          actor: 'community-sanyiqiao',
          actorRole: 'COMMUNITY_WORKER',
          note: null,
          assignee: null,
        },
        {
          step: 'CLOSE',
          fromStatus: 'VERIFIED',
          toStatus: 'CLOSED',
          actor: 'community-sanyiqiao',
          actorRole: 'COMMUNITY_WORKER',
          note: null,
          assignee: null,
        },
        {
          step: 'EVALUATE',
          fromStatus: 'CLOSED',
          toStatus: 'EVALUATED',
          actor: 'resident',
          actorRole: 'RESIDENT',
          note: '很及时',
          assignee: null,
        },
      ].map((entry, index) => ({ ...entry, at: times[index]!.toISOString(), version: index + 1 })),
    );
  });

  it('runs the deadline of each stage: register, then accept after dispatch, then finish', async () => {
    const eventId = await report({ category: '矛盾纠纷', title: '邻里噪音纠纷' });
    const now = () => services.clock.now();
    const reported = await stored(eventId);
    expect(reported.event.deadlineAt).toEqual(addWorkingMinutes(now(), 60, CALENDAR));
    const registered = await step('registerEvent', { eventId }, community);
    const finish = addWorkingMinutes(now(), 13 * 420, CALENDAR).toISOString();
    expect(registered.event).toMatchObject({ deadlineStage: 'FINISH', deadline: finish, finishDeadline: finish });
    const dispatched = await step('dispatchEvent', { eventId }, community);
    expect(dispatched.event).toMatchObject({
      deadlineStage: 'ACCEPT',
      deadline: addWorkingMinutes(now(), 60, CALENDAR).toISOString(),
      finishDeadline: finish,
    });
    const accepted = await step('acceptEvent', { eventId }, leaderToken);
    expect(accepted.event).toMatchObject({ deadlineStage: 'FINISH', deadline: finish });
  });

  it('counts urgent deadlines in clock time', async () => {
    const eventId = await report({ priority: 'URGENT', title: '燃气泄漏' });
    const payload = await step('registerEvent', { eventId }, community);
    expect(payload.event.finishDeadline).toBe(new Date(services.clock.now().getTime() + 24 * 3_600_000).toISOString());
  });

  it('dispatches to chosen staff: the general grid’s worker, who may then accept it', async () => {
    const eventId = await report();
    await bring(eventId, [['registerEvent', community]]);
    const payload = await step('dispatchEvent', { eventId, staffId: gridWorker.id }, community);
    expect(payload.event).toMatchObject({
      status: 'DISPATCHED',
      assignee: { id: gridWorker.id },
      assignedLevel: 'GRID',
    });
    expect(payload.action.note).toBe('派遣至网格责任人');
    expect(
      (await step('acceptEvent', { eventId }, leaderToken)).userErrors.map((error: { code: string }) => error.code),
    ).toEqual(['NOT_ASSIGNEE']);
    expect((await step('acceptEvent', { eventId }, gridWorkerToken)).userErrors).toEqual([]);
  });

  it('dispatches an event of a community total grid to the community, whose worker handles it', async () => {
    const total = demoWorld().grids.find(
      (grid) => grid.type === 'COMMUNITY_TOTAL' && grid.communityCode === SANYIQIAO,
    )!;
    const eventId = await report({ gridId: total.id, title: '社区广场路灯不亮', category: '公共设施' }, community);
    await bring(eventId, [['registerEvent', community]]);
    const payload = await step('dispatchEvent', { eventId }, community);
    expect(payload.event).toMatchObject({ status: 'DISPATCHED', assignee: null, assignedLevel: 'COMMUNITY' });
    expect(payload.action.note).toBe('自动派遣：无责任网格员，派遣至社区办理');
    const leaderOfCommunity = await token('GRID_WORKER', [SANYIQIAO], leader.personId);
    expect(
      (await step('acceptEvent', { eventId }, leaderOfCommunity)).userErrors.map(
        (error: { code: string }) => error.code,
      ),
    ).toEqual(['NOT_ASSIGNEE']);
    expect((await step('acceptEvent', { eventId }, community)).userErrors).toEqual([]);
  });

  it('returns an event to the community, which dispatches it again', async () => {
    const eventId = await report();
    await bring(eventId, [
      ['registerEvent', community],
      ['dispatchEvent', community],
    ]);
    const returned = await step('returnEvent', { eventId, note: '不属于本微网格' }, leaderToken);
    expect(returned.event).toMatchObject({
      status: 'RETURNED',
      assignee: null,
      assignedLevel: null,
      deadlineStage: 'FINISH',
    });
    const again = await step('dispatchEvent', { eventId, staffId: gridWorker.id }, community);
    expect(again.event).toMatchObject({ status: 'DISPATCHED', assignee: { id: gridWorker.id } });
  });

  it('suspends an event with the clock stopped and resumes it where it was', async () => {
    const eventId = await report();
    await bring(eventId, TO_IN_PROGRESS());
    const suspended = await step('suspendEvent', { eventId, note: '等待燃气公司' }, community);
    expect(suspended.event).toMatchObject({ status: 'SUSPENDED', deadline: null, deadlineStage: null });
    services.clock.advance(7 * 24 * 60);
    const resumed = await step('resumeEvent', { eventId }, community);
    expect(resumed.event).toMatchObject({ status: 'IN_PROGRESS', deadlineStage: 'FINISH' });
    expect(new Date(resumed.event.deadline).getTime()).toBeGreaterThan(services.clock.now().getTime());
    expect(resumed.action).toMatchObject({ step: 'RESUME', fromStatus: 'SUSPENDED', toStatus: 'IN_PROGRESS' });
  });

  it('reopens an event after verification back into handling, and the worker starts again', async () => {
    const eventId = await report();
    await bring(eventId, [
      ...TO_IN_PROGRESS(),
      ['submitEventFeedback', leaderToken, { note: '已处理' }],
      ['verifyEvent', community],
      ['closeEvent', community],
    ]);
    const reopened = await step('reopenEvent', { eventId, note: '居民反映仍有杂物' }, community);
    expect(reopened.event).toMatchObject({ status: 'REOPENED', closedAt: null });
    expect((await step('startEventHandling', { eventId }, leaderToken)).event.status).toBe('IN_PROGRESS');
  });
});

describe('refused steps change nothing', () => {
  const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((error) => error.code);

  it('refuses a step the flow does not allow, or a role that may not take it, and writes nothing', async () => {
    const eventId = await report();
    await bring(eventId, TO_IN_PROGRESS());
    const before = await stored(eventId);
    const close = await step('closeEvent', { eventId }, community);
    expect(close).toEqual({
      event: null,
      action: null,
      userErrors: [{ code: 'INVALID_TRANSITION', field: null, message: '事件当前状态为“处置中”，不能执行“结案”' }],
    });
    expect(codes(await step('registerEvent', { eventId }, leaderToken))).toEqual(['ROLE_NOT_ALLOWED']);
    expect(codes(await step('verifyEvent', { eventId }, residentToken))).toEqual(['ROLE_NOT_ALLOWED']);
    expect(await stored(eventId)).toEqual(before);
  });

  it('refuses each bad input of the issue with its own code and a Chinese message, and writes nothing', async () => {
    const eventId = await report();
    await bring(eventId, TO_IN_PROGRESS());
    const closed = await report();
    await bring(closed, [
      ...TO_IN_PROGRESS(),
      ['submitEventFeedback', leaderToken, { note: '好了' }],
      ['verifyEvent', community],
      ['closeEvent', community],
      ['evaluateEvent', residentToken, { rating: 4 }],
    ]);
    const otherWorker = await token(
      'GRID_WORKER',
      [SANYIQIAO],
      demoWorld().people.find((person) => person.id !== leader.personId && person.areaCode.startsWith(SANYIQIAO))!.id,
    );
    const before = {
      events: await services.events.db.dataSource.getRepository(GridEvent).count(),
      actions: await services.events.db.dataSource.getRepository(EventAction).count(),
    };
    const open = await stored(eventId);
    const cases: [string, Record<string, unknown>, string, string, string[] | null][] = [
      [
        'reportEvent',
        { gridId: micro.id, title: '井盖缺失', category: '外星人入侵' },
        community,
        'UNKNOWN_CATEGORY',
        ['input', 'category'],
      ],
      [
        'reportEvent',
        { gridId: foreignGrid.id, title: '井盖缺失', category: '公共设施' },
        community,
        'GRID_NOT_FOUND',
        ['input', 'gridId'],
      ],
      ['dispatchEvent', { eventId: closed, staffId: leader.id }, community, 'INVALID_TRANSITION', null],
      ['submitEventFeedback', { eventId, note: '已处理' }, otherWorker, 'NOT_ASSIGNEE', null],
      ['closeEvent', { eventId }, community, 'INVALID_TRANSITION', null],
      ['evaluateEvent', { eventId: closed, rating: 5 }, residentToken, 'ALREADY_EVALUATED', null],
      ['cancelEvent', { eventId, note: '重复上报' }, community, 'INVALID_TRANSITION', null],
      ['acceptEvent', { eventId: 'no-such-event' }, community, 'EVENT_NOT_FOUND', ['input', 'eventId']],
      [
        'startEventHandling',
        { eventId, expectedVersion: 1 },
        leaderToken,
        'VERSION_CONFLICT',
        ['input', 'expectedVersion'],
      ],
    ];
    for (const [name, input, as, code, field] of cases) {
      const payload = await step(name, input, as);
      expect(payload.event, `${name} ${code}`).toBeNull();
      expect(payload.userErrors, `${name} ${code}`).toEqual([
        { code, field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      ]);
    }
    expect({
      events: await services.events.db.dataSource.getRepository(GridEvent).count(),
      actions: await services.events.db.dataSource.getRepository(EventAction).count(),
    }).toEqual(before);
    expect(await stored(eventId)).toEqual(open);
  });

  it('refuses dispatch to staff who do not serve the event’s grid', async () => {
    const eventId = await report();
    await bring(eventId, [['registerEvent', community]]);
    const before = await stored(eventId);
    const elsewhere = demoWorld().staff.find((staff) => staff.areaCode.startsWith(JIEDAISI))!;
    expect(await step('dispatchEvent', { eventId, staffId: elsewhere.id }, community)).toEqual({
      event: null,
      action: null,
      userErrors: [
        {
          code: 'STAFF_NOT_SERVING_GRID',
          field: ['input', 'staffId'],
          message: '所选人员不服务该事件所在的网格，不能派遣',
        },
      ],
    });
    expect(await stored(eventId)).toEqual(before);
  });

  it('asks for a reason, a valid rating and the reporter’s own evaluation', async () => {
    const eventId = await report();
    expect((await step('cancelEvent', { eventId }, community)).userErrors).toEqual([
      { code: 'NOTE_REQUIRED', field: ['input', 'note'], message: '“不予立案”需要填写说明' },
    ]);
    const closed = await report();
    await bring(closed, [
      ...TO_IN_PROGRESS(),
      ['submitEventFeedback', leaderToken, { note: '好了' }],
      ['verifyEvent', community],
      ['closeEvent', community],
    ]);
    const neighbour = await token(
      'RESIDENT',
      [micro.code],
      demoWorld().people.find((person) => person.gridId === micro.id && person.id !== resident.id)!.id,
    );
    expect(codes(await step('evaluateEvent', { eventId: closed, rating: 5 }, neighbour))).toEqual(['NOT_REPORTER']);
    expect(codes(await step('evaluateEvent', { eventId: closed, rating: 7 }, residentToken))).toEqual([
      'INVALID_RATING',
    ]);
  });

  it('lets exactly one of two conflicting steps taken at once win; the other changes nothing', async () => {
    const eventId = await report();
    await bring(eventId, [...TO_IN_PROGRESS(), ['submitEventFeedback', leaderToken, { note: '已处理' }]]);
    const { event } = await stored(eventId);
    const [verify, reopen] = await Promise.all([
      step('verifyEvent', { eventId, expectedVersion: event.version }, community),
      step('reopenEvent', { eventId, expectedVersion: event.version, note: '未处理干净' }, community),
    ]);
    const winners = [verify, reopen].filter((payload) => payload.userErrors.length === 0);
    const losers = [verify, reopen].filter((payload) => payload.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers[0].userErrors.map((error: { code: string }) => error.code)).toEqual(['VERSION_CONFLICT']);
    const after = await stored(eventId);
    expect(after.event.status).toBe(winners[0].event.status);
    expect(after.timeline).toHaveLength(event.version + 1);
  });

  it('lets one of ten simultaneous registrations through and refuses the other nine', async () => {
    const eventId = await report();
    const payloads = await Promise.all(Array.from({ length: 10 }, () => step('registerEvent', { eventId }, community)));
    expect(payloads.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    for (const payload of payloads.filter((candidate) => candidate.userErrors.length)) {
      expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain(payload.userErrors[0].code);
    }
    expect((await stored(eventId)).timeline.map((action) => action.step)).toEqual(['REPORT', 'REGISTER']);
  });
});

describe('the category catalogue', () => {
  const CONFIGURE = `mutation($input: ConfigureEventCategoryInput!) { configureEventCategory(input: $input) {
    category { name categoryClass active sortOrder normal { registerMinutes acceptMinutes finishMinutes } urgent { finishMinutes } } userErrors { code field } } }`;
  const limits = {
    normal: { registerMinutes: 30, acceptMinutes: 30, finishMinutes: 840 },
    urgent: { registerMinutes: 5, acceptMinutes: 5, finishMinutes: 120 },
  };

  it('lets a street admin add a category that events may use at once, with its own limits, and retire it again', async () => {
    const admin = await token('STREET_ADMIN', [SANYIQIAO.slice(0, 9)]);
    const added = await services.ask(
      CONFIGURE,
      { input: { name: '噪音扰民', categoryClass: 'COMMUNITY', active: true, sortOrder: 240, ...limits } },
      admin,
    );
    expect(added.data?.configureEventCategory).toEqual({
      category: {
        name: '噪音扰民',
        categoryClass: 'COMMUNITY',
        active: true,
        sortOrder: 240,
        normal: limits.normal,
        urgent: { finishMinutes: 120 },
      },
      userErrors: [],
    });
    const eventId = await report({ category: '噪音扰民', title: '夜间装修噪音' });
    const reported = await stored(eventId);
    expect(reported.event.deadlineAt).toEqual(addWorkingMinutes(reported.event.reportedAt, 30, CALENDAR));
    await services.ask(
      CONFIGURE,
      { input: { name: '噪音扰民', categoryClass: 'COMMUNITY', active: false, ...limits } },
      admin,
    );
    const refused = await step(
      'reportEvent',
      { gridId: micro.id, title: '夜间装修噪音', category: '噪音扰民' },
      residentToken,
    );
    expect(refused.userErrors.map((error: { code: string }) => error.code)).toEqual(['UNKNOWN_CATEGORY']);
    const { data } = await services.ask(
      '{ active: eventCategories { name } all: eventCategories(includeRetired: true) { name active } }',
      {},
      residentToken,
    );
    expect(data?.active.map((category: { name: string }) => category.name)).not.toContain('噪音扰民');
    expect(data?.all).toContainEqual({ name: '噪音扰民', active: false });
    // The event reported before keeps its category and its deadlines.
    expect((await step('registerEvent', { eventId }, community)).userErrors).toEqual([]);
  });

  it('refuses a category from anyone but a street admin, and bad names or limits', async () => {
    expect(
      (
        await services.ask(
          CONFIGURE,
          { input: { name: '新类别', categoryClass: 'EVENT', active: true, ...limits } },
          community,
        )
      ).data?.configureEventCategory,
    ).toEqual({
      category: null,
      userErrors: [{ code: 'ROLE_NOT_ALLOWED', field: null }],
    });
    const admin = await token('STREET_ADMIN', [SANYIQIAO.slice(0, 9)]);
    const bad = await services.ask(
      CONFIGURE,
      {
        input: {
          name: '新',
          categoryClass: 'EVENT',
          active: true,
          normal: { ...limits.normal, finishMinutes: 0 },
          urgent: limits.urgent,
        },
      },
      admin,
    );
    expect(bad.data?.configureEventCategory.userErrors).toEqual([
      { code: 'INVALID_CATEGORY_NAME', field: ['input', 'name'] },
      { code: 'INVALID_TIME_LIMIT', field: ['input', 'normal', 'finishMinutes'] },
    ]);
  });
});
