/**
 * Demo rows only the events subgraph holds, derived from the shared world with a Faker of
 * their own, so the world (and every other subgraph's rows) stays exactly as it is. No
 * event is added: each world event gets the timeline that leads to its status, replayed
 * through the domain's own deadline rules; world events found by inspection (安全隐患)
 * become the rectifications of inspections, and world events found on visits (关爱走访)
 * the follow-ups of visits; the elderly living alone or with an empty nest get home visits.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import { deadlineRule, type CategoryDefinition } from '../../subgraphs/events/src/domain/categories.js';
import { timingAfter, timingOfReport, type EventTiming } from '../../subgraphs/events/src/domain/deadlines.js';
import { COMMUNITY_LINK, dispatchNote, responsibleChain, type ChainLink, type GridFacts } from '../../subgraphs/events/src/domain/dispatch.js';
import { EVENT_SOURCES, EVENT_STATUSES, oneOf, type EventStatus } from '../../subgraphs/events/src/domain/event-values.js';
import { FINISHED_STATUSES, STEP_RULES, type EventStep, type ManualStep } from '../../subgraphs/events/src/domain/status-flow.js';
import { dispatchColumns, stepColumns } from '../../subgraphs/events/src/domain/step-columns.js';
import type { WorkingCalendar } from '../../subgraphs/events/src/domain/working-time.js';
import type { DrillEntity, DrillParticipantEntity } from '../../subgraphs/events/src/entities/drill.js';
import type { EventActionEntity } from '../../subgraphs/events/src/entities/event-action.js';
import type { GridEventEntity } from '../../subgraphs/events/src/entities/grid-event.js';
import type { InspectionEntity, InspectionFindingEntity } from '../../subgraphs/events/src/entities/inspection.js';
import type { VisitEntity } from '../../subgraphs/events/src/entities/visit.js';
import type { DemoWorld } from './world.js';

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

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** What the world says about grids, staff, people and volunteers, indexed for the derivations. */
function gridIndex(world: DemoWorld) {
  const staffById = new Map(world.staff.map((staff) => [staff.id, staff]));
  const staffOfGrid = groupBy(world.assignments.filter(({ staffId }) => staffById.has(staffId)), ({ gridId }) => gridId);
  const staffFacts = (gridId: string) =>
    (staffOfGrid.get(gridId) ?? []).map(({ staffId }) => staffById.get(staffId)!).map((staff) => ({ id: staff.id, role: staff.role, person: { id: staff.personId } }));
  const gridById = new Map(world.grids.map((grid) => [grid.id, grid]));
  const facts = new Map<string, GridFacts>();
  for (const grid of world.grids) {
    const parent = grid.parentId ? gridById.get(grid.parentId) : undefined;
    facts.set(grid.id, {
      id: grid.id, code: grid.code, type: grid.type, staff: staffFacts(grid.id),
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
function actorOf(step: EventStep, event: WorldEvent, link: ChainLink | null): Pick<EventActionEntity, 'actorSubject' | 'actorRole' | 'actorPersonId'> {
  const community = { actorSubject: `demo-community-${event.areaCode.slice(0, 12)}`, actorRole: 'COMMUNITY_WORKER', actorPersonId: null };
  const hotline = { actorSubject: 'demo-hotline-12345', actorRole: 'INTEGRATION', actorPersonId: null };
  if (step === 'REPORT' || step === 'EVALUATE') {
    if (event.reporterId) return { actorSubject: `demo-resident-${event.reporterId}`, actorRole: 'RESIDENT', actorPersonId: event.reporterId };
    if (step === 'EVALUATE' || event.source === 'HOTLINE_12345') return hotline;
    return { actorSubject: `demo-patrol-${event.areaCode.slice(0, 15)}`, actorRole: 'GRID_WORKER', actorPersonId: null };
  }
  if (STEP_RULES[step as ManualStep]?.by === 'ASSIGNEE' && link?.staffId) {
    return { actorSubject: `demo-staff-${link.staffId}`, actorRole: 'GRID_WORKER', actorPersonId: link.personId };
  }
  return community;
}

/** Replays a world event's path through the domain's rules: its columns and its timeline. */
function replayEvent(event: WorldEvent, index: Index, options: EventExtrasOptions, faker: Faker): { row: GridEventEntity; actions: EventActionEntity[] } {
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
  const span = closeAt >= 0 ? end.getTime() - event.reportedAt.getTime() : event.updatedAt.getTime() - event.reportedAt.getTime();
  const spread = closeAt >= 0 ? closeAt + 1 : path.length;
  const timeOf = (position: number) =>
    position >= spread ? new Date(end.getTime() + (position - spread + 1) * DAY) : new Date(event.reportedAt.getTime() + Math.round((span * (position + 1)) / spread / MINUTE) * MINUTE);

  let timing: EventTiming = timingOfReport(event.reportedAt, rule, options.calendar);
  const row: GridEventEntity = {
    ...event, status: 'REPORTED', source: oneOf(EVENT_SOURCES, event.source, 'event source'), assigneeId: null, closedAt: null,
    buildingId: null, lng: null, lat: null, photos: [], assigneePersonId: null, assignedLevel: null, escalationChain: null, escalationIndex: 0,
    dispatchedAt: null, acceptedAt: null, feedbackAt: null, ...timing, suspendedFrom: null, closeSeconds: null, rating: null, evaluation: null,
    inspectionFindingId: null, visitId: null, drillId: null,
  };
  const actions: EventActionEntity[] = [];
  const record = (step: EventStep, from: EventStatus | null, to: EventStatus, at: Date, note: string | null, assigneeId: string | null) =>
    actions.push({ eventId: event.id, version: actions.length + 1, areaCode: event.areaCode, step, fromStatus: from, toStatus: to, at, ...actorOf(step, event, link), assigneeId, note });
  record('REPORT', null, 'REPORTED', event.reportedAt, null, null);
  path.forEach((step, position) => {
    const at = timeOf(position);
    const to = STEP_RULES[step].to as EventStatus;
    timing = timingAfter({ step, to, current: timing, now: at, rule, calendar: options.calendar });
    const from = row.status;
    Object.assign(row, timing, step === 'DISPATCH' ? dispatchColumns(chain, at) : stepColumns(step, row, at), { status: to, updatedAt: at });
    if (step === 'EVALUATE') Object.assign(row, { rating: faker.number.int({ min: 3, max: 5 }), evaluation: faker.helpers.arrayElement(EVALUATIONS) });
    const note = step === 'DISPATCH' ? dispatchNote(link, true, null) : NOTES[step] ?? null;
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
function deriveInspections(world: DemoWorld, rows: Map<string, GridEventEntity>, timelines: Map<string, EventActionEntity[]>, faker: Faker) {
  const inspections: InspectionEntity[] = [];
  const findings: InspectionFindingEntity[] = [];
  const buildingsOf = new Map<string, string[]>();
  for (const building of world.buildings) buildingsOf.set(building.gridId, [...(buildingsOf.get(building.gridId) ?? []), building.id]);
  for (const event of world.events.filter((candidate) => candidate.source === 'INSPECTION' && candidate.category === '安全隐患')) {
    const row = rows.get(event.id)!;
    const done = FINISHED_STATUSES.includes(row.status);
    const buildings = buildingsOf.get(event.gridId) ?? [];
    const inspection: InspectionEntity = {
      id: faker.string.uuid(), gridId: event.gridId, areaCode: event.areaCode, buildingId: buildings.length ? faker.helpers.arrayElement(buildings) : null,
      title: `${event.reportedAt.toISOString().slice(0, 7)} 楼栋安全巡查`, inspectedAt: event.reportedAt,
      inspectorSubject: `demo-patrol-${event.areaCode.slice(0, 15)}`, inspectorPersonId: null,
      status: done ? 'CLOSED' : 'OPEN', closedAt: done ? finishedAt(timelines.get(event.id)!) : null, createdAt: event.reportedAt,
    };
    inspections.push(inspection);
    const main: InspectionFindingEntity = {
      id: faker.string.uuid(), inspectionId: inspection.id, areaCode: event.areaCode, position: 0, description: event.title,
      hazardLevel: event.priority === 'URGENT' ? 'MAJOR' : 'GENERAL', needsRectification: true, rectificationEventId: event.id, photos: [],
    };
    findings.push(main);
    row.inspectionFindingId = main.id;
    row.buildingId = inspection.buildingId;
    for (let position = 1; position <= faker.number.int({ min: 0, max: 2 }); position += 1) {
      findings.push({
        id: faker.string.uuid(), inspectionId: inspection.id, areaCode: event.areaCode, position,
        description: faker.helpers.arrayElement(['灭火器压力正常', '疏散指示灯完好', '楼道照明正常', '消防栓水压正常']),
        hazardLevel: 'MINOR', needsRectification: false, rectificationEventId: null, photos: [],
      });
    }
  }
  return { inspections, findings };
}

/** Home visits to the elderly living alone or with an empty nest, and one for each world event found on a visit. */
function deriveVisits(world: DemoWorld, index: Index, rows: Map<string, GridEventEntity>, faker: Faker): VisitEntity[] {
  const people = new Map(world.people.map((person) => [person.id, person]));
  const elders = [...new Set(world.tags.filter((tag) => tag.code === 'LIVING_ALONE_ELDER' || tag.code === 'EMPTY_NEST_ELDER').map((tag) => tag.personId))];
  const leaderOf = (gridId: string) => index.facts(gridId)?.staff.filter((staff) => staff.role === 'MICRO_GRID_LEADER').sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const volunteersOf = (communityCode: string) => index.volunteersOfCommunity.get(communityCode) ?? [];
  const visit = (personId: string, visitedAt: Date, outcome: VisitEntity['outcome'], followUpEventId: string | null): VisitEntity | null => {
    const person = people.get(personId)!;
    const leader = leaderOf(person.gridId);
    const volunteers = volunteersOf(person.areaCode.slice(0, 12));
    const byVolunteer = !followUpEventId && volunteers.length > 0 && faker.number.int(9) < 3;
    const volunteer = byVolunteer ? faker.helpers.arrayElement(volunteers) : null;
    if (!volunteer && !leader) return null;
    return {
      id: faker.string.uuid(), personId, gridId: person.gridId, areaCode: person.areaCode,
      visitorKind: volunteer ? 'VOLUNTEER' : 'STAFF', visitorId: volunteer?.id ?? leader!.id, visitorPersonId: volunteer?.personId ?? leader!.person.id,
      visitedAt, outcome, notes: outcome === 'WELL' ? '身体状况良好，生活能自理' : outcome === 'NOT_AT_HOME' ? '敲门无人应答，已电话联系' : '需要社区协助',
      followUpNeeded: followUpEventId !== null, followUpEventId, recordedBy: 'demo', createdAt: visitedAt,
    };
  };
  const visits: VisitEntity[] = [];
  for (const personId of elders) {
    for (let count = faker.number.int({ min: 0, max: 3 }); count > 0; count -= 1) {
      const visitedAt = new Date(ANCHOR - faker.number.int({ min: 1, max: 90 }) * DAY + 2 * 3_600_000);
      const made = visit(personId, visitedAt, faker.helpers.weightedArrayElement([{ weight: 8, value: 'WELL' as const }, { weight: 2, value: 'NOT_AT_HOME' as const }]), null);
      if (made) visits.push(made);
    }
  }
  for (const event of world.events.filter((candidate) => candidate.source === 'VISIT' && candidate.category === '关爱走访')) {
    const neighbours = index.peopleOfGrid.get(event.gridId) ?? [];
    if (!neighbours.length) continue;
    const made = visit(faker.helpers.arrayElement(neighbours).id, event.reportedAt, 'NEEDS_HELP', event.id);
    if (!made) continue;
    visits.push(made);
    rows.get(event.id)!.visitId = made.id;
  }
  return visits;
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
  return { events: [...rows.values()], actions: [...timelines.values()].flat(), inspections, findings, visits, drills: [], participants: [] };
}
