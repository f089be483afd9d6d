/**
 * Demo rows only the events subgraph holds, derived from the shared world with a Faker of
 * their own, so the world (and every other subgraph's rows) stays exactly as it is. No
 * event is added: each world event gets the timeline that leads to its status, replayed
 * through the domain's own deadline rules; world events found by inspection (安全隐患)
 * become the rectifications of inspections, and world events found on visits (关爱走访)
 * the follow-ups of visits; the elderly living alone or with an empty nest get home visits.
 * The deliberation hall (网格议事厅) gets topics in about a third of the micro-grids and
 * some general grids, with their residents' comments and votes (some residents left to
 * vote live), a decided topic whose safety patrol is one of the world's patrol events, an
 * adopted topic asking for a 家园共筑 project, a rejected one and a withdrawn one.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import { deadlineRule, type CategoryDefinition } from '../domain/categories.js';
import { timingAfter, timingOfReport, type EventTiming } from '../domain/deadlines.js';
import { COMMUNITY_LINK, dispatchNote, responsibleChain, type ChainLink, type GridFacts } from '../domain/dispatch.js';
import { EVENT_SOURCES, EVENT_STATUSES, oneOf, type EventStatus } from '../domain/event-values.js';
import { FINISHED_STATUSES, STEP_RULES, type EventStep, type ManualStep } from '../domain/status-flow.js';
import { dispatchColumns, stepColumns } from '../domain/step-columns.js';
import type { WorkingCalendar } from '../domain/working-time.js';
import type { VoteChoice } from '../domain/deliberation.js';
import { timeOrderedId } from '../domain/time-ordered-id.js';
import type { DrillEntity, DrillParticipantEntity } from '../entities/drill.js';
import type { EventActionEntity } from '../entities/event-action.js';
import type { GridEventEntity } from '../entities/grid-event.js';
import type { InspectionEntity, InspectionFindingEntity } from '../entities/inspection.js';
import type { TopicCommentEntity, TopicDecisionEntity, TopicEntity, TopicVoteEntity } from '../entities/topic.js';
import type { VisitEntity } from '../entities/visit.js';
import type { DemoWorld } from '../../../kit/src/demo/world.js';
import { groupBy } from '../../../kit/src/demo/group-by.js';

type WorldEvent = DemoWorld['events'][number];

export interface EventExtrasOptions {
  seed: number;
  catalogue: readonly CategoryDefinition[];
  calendar: WorkingCalendar;
}

export interface EventExtras {
  /** The world's events, with every column the domain keeps; same ids, same count. */
  events: GridEventEntity[];
  actions: EventActionEntity[];
  inspections: InspectionEntity[];
  findings: InspectionFindingEntity[];
  visits: VisitEntity[];
  drills: DrillEntity[];
  participants: DrillParticipantEntity[];
  topics: TopicEntity[];
  comments: TopicCommentEntity[];
  votes: TopicVoteEntity[];
  decisions: TopicDecisionEntity[];
}

/** The anchor of world.ts: demo visits happen in the 90 days before it. */
const ANCHOR = Date.UTC(2026, 10, 1);
const MINUTE = 60_000;
const DAY = 86_400_000;

const HANDLED: ManualStep[] = ['REGISTER', 'DISPATCH', 'ACCEPT', 'START', 'SUBMIT_FEEDBACK', 'VERIFY', 'CLOSE'];

/** The steps that lead from a report to each status the world uses. */
const PATHS: Record<EventStatus, ManualStep[]> = {
  REPORTED: [],
  REGISTERED: HANDLED.slice(0, 1),
  CANCELLED: ['CANCEL'],
  DISPATCHED: HANDLED.slice(0, 2),
  ACCEPTED: HANDLED.slice(0, 3),
  RETURNED: [...HANDLED.slice(0, 2), 'RETURN'],
  IN_PROGRESS: HANDLED.slice(0, 4),
  FEEDBACK_SUBMITTED: HANDLED.slice(0, 5),
  VERIFIED: HANDLED.slice(0, 6),
  CLOSED: HANDLED,
  REOPENED: [...HANDLED, 'REOPEN'],
  SUSPENDED: [...HANDLED.slice(0, 3), 'SUSPEND'],
  EVALUATED: [...HANDLED, 'EVALUATE'],
};

const NOTES: Partial<Record<ManualStep, string>> = {
  CANCEL: '经核实不属实，不予立案',
  RETURN: '不属于本网格，退回重新派遣',
  SUBMIT_FEEDBACK: '已到现场处置完毕',
  REOPEN: '回访发现问题仍未解决',
  SUSPEND: '需相关部门协调，暂时挂账',
};

const EVALUATIONS = ['处理及时，很满意', '网格员很负责', '问题已解决', '处理速度还可以'];

/** What the world says about grids, staff, people and volunteers, indexed for the derivations. */
function gridIndex(world: DemoWorld) {
  const staffById = new Map(world.staff.map((staff) => [staff.id, staff]));
  const staffOfGrid = groupBy(
    world.assignments.filter(({ staffId }) => staffById.has(staffId)),
    ({ gridId }) => gridId,
  );
  const staffFacts = (gridId: string) =>
    (staffOfGrid.get(gridId) ?? [])
      .map(({ staffId }) => staffById.get(staffId)!)
      .map((staff) => ({ id: staff.id, role: staff.role, person: { id: staff.personId } }));
  const gridById = new Map(world.grids.map((grid) => [grid.id, grid]));
  const facts = new Map<string, GridFacts>();
  for (const grid of world.grids) {
    const parent = grid.parentId ? gridById.get(grid.parentId) : undefined;
    facts.set(grid.id, {
      id: grid.id,
      code: grid.code,
      type: grid.type,
      staff: staffFacts(grid.id),
      parent: parent ? { id: parent.id, code: parent.code, type: parent.type, staff: staffFacts(parent.id) } : null,
    });
  }
  return {
    facts: (gridId: string): GridFacts | null => facts.get(gridId) ?? null,
    peopleOfGrid: groupBy(world.people, (person) => person.gridId),
    volunteersOfCommunity: groupBy(world.volunteers, (volunteer) => volunteer.areaCode.slice(0, 12)),
  };
}

type Index = ReturnType<typeof gridIndex>;

/** Who takes each step in the demo: the reporter, the community, the assignee, the hotline. */
function actorOf(
  step: EventStep,
  event: WorldEvent,
  link: ChainLink | null,
): Pick<EventActionEntity, 'actorSubject' | 'actorRole' | 'actorPersonId'> {
  const community = {
    actorSubject: `demo-community-${event.areaCode.slice(0, 12)}`,
    actorRole: 'COMMUNITY_WORKER',
    actorPersonId: null,
  };
  const hotline = { actorSubject: 'demo-hotline-12345', actorRole: 'INTEGRATION', actorPersonId: null };
  if (step === 'REPORT' || step === 'EVALUATE') {
    if (event.reporterId)
      return {
        actorSubject: `demo-resident-${event.reporterId}`,
        actorRole: 'RESIDENT',
        actorPersonId: event.reporterId,
      };
    if (step === 'EVALUATE' || event.source === 'HOTLINE_12345') return hotline;
    return {
      actorSubject: `demo-patrol-${event.areaCode.slice(0, 15)}`,
      actorRole: 'GRID_WORKER',
      actorPersonId: null,
    };
  }
  if (STEP_RULES[step as ManualStep]?.by === 'ASSIGNEE' && link?.staffId) {
    return { actorSubject: `demo-staff-${link.staffId}`, actorRole: 'GRID_WORKER', actorPersonId: link.personId };
  }
  return community;
}

/** Replays a world event's path through the domain's rules: its columns and its timeline. */
function replayEvent(
  event: WorldEvent,
  index: Index,
  options: EventExtrasOptions,
  faker: Faker,
): { row: GridEventEntity; actions: EventActionEntity[] } {
  const status = oneOf(EVENT_STATUSES, event.status, 'event status');
  const category = options.catalogue.find((entry) => entry.name === event.category);
  if (!category) throw new Error(`demo category ${event.category} is not in the catalogue`);
  const rule = deadlineRule(category, event.priority);
  const facts = index.facts(event.gridId);
  const chain = event.assigneeId && facts ? responsibleChain(facts) : [COMMUNITY_LINK];
  const link = chain[0] ?? COMMUNITY_LINK;
  const path = PATHS[status];
  const closeAt = path.indexOf('CLOSE');
  const end = event.closedAt ?? event.updatedAt;
  const span =
    closeAt >= 0 ? end.getTime() - event.reportedAt.getTime() : event.updatedAt.getTime() - event.reportedAt.getTime();
  const spread = closeAt >= 0 ? closeAt + 1 : path.length;
  const timeOf = (position: number) =>
    position >= spread
      ? new Date(end.getTime() + (position - spread + 1) * DAY)
      : new Date(event.reportedAt.getTime() + Math.round((span * (position + 1)) / spread / MINUTE) * MINUTE);

  let timing: EventTiming = timingOfReport(event.reportedAt, rule, options.calendar);
  // Every column spelled out: an object literal that spreads another and adds fields is
  // built one property at a time, which made these rows most of a large fill's time.
  const row: GridEventEntity = {
    id: event.id,
    title: event.title,
    description: event.description,
    category: event.category,
    priority: event.priority,
    source: oneOf(EVENT_SOURCES, event.source, 'event source'),
    status: 'REPORTED',
    gridId: event.gridId,
    areaCode: event.areaCode,
    reporterId: event.reporterId,
    assigneeId: null,
    reportedAt: event.reportedAt,
    updatedAt: event.updatedAt,
    closedAt: null,
    version: event.version,
    buildingId: null,
    lng: null,
    lat: null,
    photos: [],
    assigneePersonId: null,
    assignedLevel: null,
    escalationChain: null,
    escalationIndex: 0,
    dispatchedAt: null,
    acceptedAt: null,
    feedbackAt: null,
    deadlineAt: timing.deadlineAt,
    deadlineStage: timing.deadlineStage,
    finishDueAt: timing.finishDueAt,
    overdueMarked: timing.overdueMarked,
    suspendedRemainingMinutes: timing.suspendedRemainingMinutes,
    suspendedFrom: null,
    closeSeconds: null,
    rating: null,
    evaluation: null,
    inspectionFindingId: null,
    visitId: null,
    drillId: null,
    topicId: null,
  };
  const actions: EventActionEntity[] = [];
  const record = (
    step: EventStep,
    from: EventStatus | null,
    to: EventStatus,
    at: Date,
    note: string | null,
    assigneeId: string | null,
  ) => {
    const actor = actorOf(step, event, link);
    actions.push({
      eventId: event.id,
      version: actions.length + 1,
      areaCode: event.areaCode,
      step,
      fromStatus: from,
      toStatus: to,
      at,
      actorSubject: actor.actorSubject,
      actorRole: actor.actorRole,
      actorPersonId: actor.actorPersonId,
      assigneeId,
      note,
    });
  };
  record('REPORT', null, 'REPORTED', event.reportedAt, null, null);
  path.forEach((step, position) => {
    const at = timeOf(position);
    const to = STEP_RULES[step].to as EventStatus;
    timing = timingAfter({ step, to, current: timing, now: at, rule, calendar: options.calendar });
    const from = row.status;
    Object.assign(row, timing, step === 'DISPATCH' ? dispatchColumns(chain, at) : stepColumns(step, row, at), {
      status: to,
      updatedAt: at,
    });
    if (step === 'EVALUATE')
      Object.assign(row, {
        rating: faker.number.int({ min: 3, max: 5 }),
        evaluation: faker.helpers.arrayElement(EVALUATIONS),
      });
    const note = step === 'DISPATCH' ? dispatchNote(link, true, null) : (NOTES[step] ?? null);
    record(step, from, to, at, note, step === 'DISPATCH' ? link.staffId : null);
  });
  row.version = actions.length;
  row.updatedAt = actions[actions.length - 1]!.at;
  return { row, actions };
}

/** The time the event was finished (closed or cancelled), from its timeline. */
function finishedAt(actions: EventActionEntity[]): Date | null {
  const finishing = actions.find((action) => FINISHED_STATUSES.includes(action.toStatus) && action.step !== 'EVALUATE');
  return finishing?.at ?? null;
}

/** An inspection for each world event found by inspection (安全隐患): the event rectifies its main finding. */
function deriveInspections(
  world: DemoWorld,
  rows: Map<string, GridEventEntity>,
  timelines: Map<string, EventActionEntity[]>,
  faker: Faker,
) {
  const inspections: InspectionEntity[] = [];
  const findings: InspectionFindingEntity[] = [];
  const buildingsOf = groupBy(world.buildings, (building) => building.gridId);
  for (const event of world.events.filter(
    (candidate) => candidate.source === 'INSPECTION' && candidate.category === '安全隐患',
  )) {
    const row = rows.get(event.id)!;
    const done = FINISHED_STATUSES.includes(row.status);
    const buildings = (buildingsOf.get(event.gridId) ?? []).map((building) => building.id);
    const inspection: InspectionEntity = {
      id: faker.string.uuid(),
      gridId: event.gridId,
      areaCode: event.areaCode,
      buildingId: buildings.length ? faker.helpers.arrayElement(buildings) : null,
      title: `${event.reportedAt.toISOString().slice(0, 7)} 楼栋安全巡查`,
      inspectedAt: event.reportedAt,
      inspectorSubject: `demo-patrol-${event.areaCode.slice(0, 15)}`,
      inspectorPersonId: null,
      status: done ? 'CLOSED' : 'OPEN',
      closedAt: done ? finishedAt(timelines.get(event.id)!) : null,
      createdAt: event.reportedAt,
    };
    inspections.push(inspection);
    const main: InspectionFindingEntity = {
      id: faker.string.uuid(),
      inspectionId: inspection.id,
      areaCode: event.areaCode,
      position: 0,
      description: event.title,
      hazardLevel: event.priority === 'URGENT' ? 'MAJOR' : 'GENERAL',
      needsRectification: true,
      rectificationEventId: event.id,
      photos: [],
    };
    findings.push(main);
    row.inspectionFindingId = main.id;
    row.buildingId = inspection.buildingId;
    for (let position = 1; position <= faker.number.int({ min: 0, max: 2 }); position += 1) {
      findings.push({
        id: faker.string.uuid(),
        inspectionId: inspection.id,
        areaCode: event.areaCode,
        position,
        description: faker.helpers.arrayElement(['灭火器压力正常', '疏散指示灯完好', '楼道照明正常', '消防栓水压正常']),
        hazardLevel: 'MINOR',
        needsRectification: false,
        rectificationEventId: null,
        photos: [],
      });
    }
  }
  return { inspections, findings };
}

/** Home visits to the elderly living alone or with an empty nest, and one for each world event found on a visit. */
function deriveVisits(world: DemoWorld, index: Index, rows: Map<string, GridEventEntity>, faker: Faker): VisitEntity[] {
  const people = new Map(world.people.map((person) => [person.id, person]));
  const elders = [
    ...new Set(
      world.tags
        .filter((tag) => tag.code === 'LIVING_ALONE_ELDER' || tag.code === 'EMPTY_NEST_ELDER')
        .map((tag) => tag.personId),
    ),
  ];
  const leaderOf = (gridId: string) =>
    index
      .facts(gridId)
      ?.staff.filter((staff) => staff.role === 'MICRO_GRID_LEADER')
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const volunteersOf = (communityCode: string) => index.volunteersOfCommunity.get(communityCode) ?? [];
  const visit = (
    personId: string,
    visitedAt: Date,
    outcome: VisitEntity['outcome'],
    followUpEventId: string | null,
  ): VisitEntity | null => {
    const person = people.get(personId)!;
    const leader = leaderOf(person.gridId);
    const volunteers = volunteersOf(person.areaCode.slice(0, 12));
    const byVolunteer = !followUpEventId && volunteers.length > 0 && faker.number.int(9) < 3;
    const volunteer = byVolunteer ? faker.helpers.arrayElement(volunteers) : null;
    if (!volunteer && !leader) return null;
    return {
      id: faker.string.uuid(),
      personId,
      gridId: person.gridId,
      areaCode: person.areaCode,
      visitorKind: volunteer ? 'VOLUNTEER' : 'STAFF',
      visitorId: volunteer?.id ?? leader!.id,
      visitorPersonId: volunteer?.personId ?? leader!.person.id,
      visitedAt,
      outcome,
      notes:
        outcome === 'WELL'
          ? '身体状况良好，生活能自理'
          : outcome === 'NOT_AT_HOME'
            ? '敲门无人应答，已电话联系'
            : '需要社区协助',
      followUpNeeded: followUpEventId !== null,
      followUpEventId,
      recordedBy: 'demo',
      createdAt: visitedAt,
    };
  };
  const visits: VisitEntity[] = [];
  for (const personId of elders) {
    for (let count = faker.number.int({ min: 0, max: 3 }); count > 0; count -= 1) {
      const visitedAt = new Date(ANCHOR - faker.number.int({ min: 1, max: 90 }) * DAY + 2 * 3_600_000);
      const made = visit(
        personId,
        visitedAt,
        faker.helpers.weightedArrayElement([
          { weight: 8, value: 'WELL' as const },
          { weight: 2, value: 'NOT_AT_HOME' as const },
        ]),
        null,
      );
      if (made) visits.push(made);
    }
  }
  for (const event of world.events.filter(
    (candidate) => candidate.source === 'VISIT' && candidate.category === '关爱走访',
  )) {
    const neighbours = index.peopleOfGrid.get(event.gridId) ?? [];
    if (!neighbours.length) continue;
    const made = visit(faker.helpers.arrayElement(neighbours).id, event.reportedAt, 'NEEDS_HELP', event.id);
    if (!made) continue;
    visits.push(made);
    rows.get(event.id)!.visitId = made.id;
  }
  return visits;
}

const TOPIC_IDEAS: [string, string][] = [
  [
    '小区增设电动自行车集中充电棚',
    '楼道里停放电动自行车、飞线充电，存在火灾隐患。建议在小区空地建设集中充电棚，大家意见如何？',
  ],
  ['楼栋公共区域堆物清理公约', '楼道和消防通道常年堆放杂物，建议全体住户约定每月第一个周六集中清理。'],
  ['老旧楼栋加装电梯意见征集', '本楼栋老年人较多，上下楼不便，征集各户对加装电梯及费用分摊的意见。'],
  ['小区广场舞时间与音量约定', '晚间广场舞音量较大影响休息，建议约定活动时间为 19:00—21:00，音量适当控制。'],
  ['宠物文明饲养公约', '近期有居民反映遛狗不牵绳、粪便不清理，建议制定宠物文明饲养公约。'],
  ['垃圾分类投放点位调整', '现有垃圾投放点离部分楼栋较远，建议增设一处投放点并调整清运时间。'],
];
const PATROL_TOPIC: [string, string] = [
  '组织夜间安全巡逻',
  '近期小区夜间有陌生人出入，楼道也有消防隐患，建议组织夜间安全巡逻并排查隐患。',
];
const PROJECT_TOPIC: [string, string] = [
  '闲置空地改造为口袋公园',
  '小区东侧闲置空地杂草丛生，建议改造为口袋公园，居民和志愿者共同参与建设与维护。',
];
const COMMENTS = [
  '赞成，早就该弄了',
  '建议先征求一楼住户的意见',
  '费用怎么分摊需要说清楚',
  '我家可以出一份力',
  '希望社区尽快落实',
  '有没有更好的方案？',
  '同意，注意安全',
  '建议分步实施',
];
const CHOICES = [
  { weight: 6, value: 'FOR' as VoteChoice },
  { weight: 2, value: 'AGAINST' as VoteChoice },
  { weight: 1, value: 'ABSTAIN' as VoteChoice },
];
const HOUR = 3_600_000;

/**
 * 网格议事厅 demo rows, with a Faker of their own so that nothing derived before changes.
 * One of the world's patrol events (安全隐患) becomes the safety patrol a decided topic
 * opened: its source turns DELIBERATION and its report is the deciding community's.
 */
function deriveTopics(
  world: DemoWorld,
  rows: Map<string, GridEventEntity>,
  timelines: Map<string, EventActionEntity[]>,
  seed: number,
) {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 8 });
  const idAt = (at: Date) =>
    timeOrderedId(
      at.getTime(),
      0,
      Uint8Array.from({ length: 8 }, () => faker.number.int(255)),
    );
  // People live in micro-grids: indexed by their micro-grid's code and their general grid's.
  const byMicroGrid = groupBy(world.people, (person) => person.areaCode);
  const byGeneralGrid = groupBy(world.people, (person) => person.areaCode.slice(0, 15));
  const peopleUnder = (code: string) => (code.length === 18 ? byMicroGrid : byGeneralGrid).get(code) ?? [];
  const community = (code: string) => ({
    subject: `demo-community-${code.slice(0, 12)}`,
    role: 'COMMUNITY_WORKER',
    personId: null,
  });
  const out = {
    topics: [] as TopicEntity[],
    comments: [] as TopicCommentEntity[],
    votes: [] as TopicVoteEntity[],
    decisions: [] as TopicDecisionEntity[],
  };

  const raise = (
    grid: DemoWorld['grids'][number],
    [title, body]: [string, string],
    raisedAt: Date,
    closeAt: Date | null,
  ) => {
    const pool = faker.helpers.shuffle(peopleUnder(grid.code));
    const raiser = pool[0]!;
    const topic: TopicEntity = {
      id: idAt(raisedAt),
      gridId: grid.id,
      gridCode: grid.code,
      areaCode: grid.code,
      title,
      body,
      status: 'OPEN',
      raiserSubject: `demo-resident-${raiser.id}`,
      raiserRole: 'RESIDENT',
      raiserPersonId: raiser.id,
      raisedAt,
      closedAt: null,
      withdrawReason: null,
      version: 1,
    };
    // Up to two thirds of the residents vote, so some are left to vote in a live demo.
    const voters = pool.slice(0, Math.min(30, Math.floor((pool.length * 2) / 3)));
    voters.forEach((voter, index) => {
      const votedAt = new Date(raisedAt.getTime() + (index + 1) * HOUR);
      out.votes.push({
        topicId: topic.id,
        personId: voter.id,
        areaCode: topic.areaCode,
        choice: faker.helpers.weightedArrayElement(CHOICES),
        voterSubject: `demo-resident-${voter.id}`,
        votedAt,
      });
    });
    for (let index = 0; index < faker.number.int({ min: 0, max: Math.min(4, pool.length) }); index += 1) {
      const author = pool[index]!;
      const createdAt = new Date(raisedAt.getTime() + (index + 1) * 30 * 60_000);
      out.comments.push({
        id: idAt(createdAt),
        topicId: topic.id,
        areaCode: topic.areaCode,
        body: faker.helpers.arrayElement(COMMENTS),
        authorSubject: `demo-resident-${author.id}`,
        authorRole: 'RESIDENT',
        authorPersonId: author.id,
        createdAt,
      });
    }
    if (closeAt) Object.assign(topic, { closedAt: closeAt, version: 2 });
    out.topics.push(topic);
    return topic;
  };
  const decide = (
    topic: TopicEntity,
    outcome: TopicDecisionEntity['outcome'],
    text: string,
    project: [string, string] | null,
  ) => {
    const by = community(topic.areaCode);
    topic.status = 'DECIDED';
    out.decisions.push({
      topicId: topic.id,
      areaCode: topic.areaCode,
      outcome,
      text,
      decidedAt: topic.closedAt!,
      deciderSubject: by.subject,
      deciderRole: by.role,
      deciderPersonId: null,
      projectTitle: project?.[0] ?? null,
      projectPlan: project?.[1] ?? null,
    });
  };

  const grids = world.grids.filter(
    (grid) => (grid.type === 'MICRO' || grid.type === 'GENERAL') && peopleUnder(grid.code).length >= 3,
  );
  const gridIds = new Set(grids.map((grid) => grid.id));
  const patrol = world.events.find(
    (event) => event.category === '安全隐患' && event.source === 'PATROL' && gridIds.has(event.gridId),
  );
  if (patrol) {
    const grid = grids.find((candidate) => candidate.id === patrol.gridId)!;
    const topic = raise(grid, PATROL_TOPIC, new Date(patrol.reportedAt.getTime() - 7 * DAY), patrol.reportedAt);
    decide(topic, 'ADOPTED', '经本网格居民议事表决通过：由网格员牵头组织夜间安全巡逻，同步排查楼道消防隐患。', null);
    const row = rows.get(patrol.id)!;
    Object.assign(row, { topicId: topic.id, source: 'DELIBERATION' });
    const by = community(topic.areaCode);
    Object.assign(timelines.get(patrol.id)![0]!, {
      actorSubject: by.subject,
      actorRole: by.role,
      actorPersonId: null,
      note: `网格议事厅议题“${topic.title}”决议生成`,
    });
  }
  const raisedAt = () => new Date(ANCHOR - faker.number.int({ min: 10, max: 60 }) * DAY + HOUR);
  const chosen = grids.filter((grid) => grid.id !== patrol?.gridId && faker.number.int(9) < 3);
  chosen.forEach((grid, index) => {
    const at = raisedAt();
    const week = new Date(at.getTime() + 7 * DAY);
    if (index === 0)
      decide(
        raise(grid, PROJECT_TOPIC, at, week),
        'ADOPTED',
        '经居民议事表决通过，申请作为家园共筑项目，由志愿者和居民共同实施。',
        ['东侧空地口袋公园共建', '清理杂草、铺设步道、种植花木、设置休息座椅；分三期实施，每期招募志愿者 20 名。'],
      );
    else if (index === 1)
      decide(
        raise(grid, TOPIC_IDEAS[2]!, at, week),
        'REJECTED',
        '费用分摊未达成一致，本次不予通过，待征求意见后重新发起。',
        null,
      );
    else if (index === 2)
      Object.assign(raise(grid, TOPIC_IDEAS[5]!, at, week), {
        status: 'WITHDRAWN',
        withdrawReason: '物业已调整清运时间，议题撤回',
      });
    else raise(grid, faker.helpers.arrayElement(TOPIC_IDEAS), at, null);
  });
  return out;
}

export function deriveEventExtras(world: DemoWorld, options: EventExtrasOptions): EventExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed: options.seed });
  const index = gridIndex(world);
  const rows = new Map<string, GridEventEntity>();
  const timelines = new Map<string, EventActionEntity[]>();
  for (const event of world.events) {
    const { row, actions } = replayEvent(event, index, options, faker);
    rows.set(event.id, row);
    timelines.set(event.id, actions);
  }
  const { inspections, findings } = deriveInspections(world, rows, timelines, faker);
  const visits = deriveVisits(world, index, rows, faker);
  const topics = deriveTopics(world, rows, timelines, options.seed);
  return {
    events: [...rows.values()],
    actions: [...timelines.values()].flat(),
    inspections,
    findings,
    visits,
    drills: [],
    participants: [],
    ...topics,
  };
}
