import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingMinutes } from '../../subgraphs/events/src/domain/working-time.js';
import { EventAction } from '../../subgraphs/events/src/entities/event-action.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { checkDeadlines } from '../../subgraphs/events/src/actions/deadline-check.js';
import { eventEntities } from '../../subgraphs/events/src/entities/index.js';
import { eventMigrations } from '../../subgraphs/events/src/migrations/index.js';
import { openDatabase, type Database } from '../../subgraphs/kit/src/database.js';
import {
  CALENDAR,
  SANYIQIAO,
  staffedMicroGrid,
  startEvents,
  token,
  type DemoGrid,
  type DemoStaff,
  type EventServices,
} from './support.js';

let micro: DemoGrid;
let leader: DemoStaff;
let gridWorker: DemoStaff;
let services: EventServices;
let community: string;

beforeAll(async () => {
  ({ micro, leader, gridWorker } = staffedMicroGrid(SANYIQIAO));
  // An empty events database (no demo rows), so every count below is this file's own.
  services = await startEvents({ grids: true, demo: false, clock: '2026-11-30T01:30:00Z' });
  community = await token('COMMUNITY_WORKER', [SANYIQIAO], undefined, 'community');
});
afterAll(() => services?.stop());

const MUTATION = (name: string, type = 'EventStepInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { event { id status } userErrors { code } } }`;

async function dispatchedEvent(): Promise<string> {
  const reported = await services.ask(
    MUTATION('reportEvent', 'ReportEventInput'),
    { input: { gridId: micro.id, title: '消防通道被占用', category: '安全隐患' } },
    community,
  );
  const eventId = reported.data?.reportEvent.event.id as string;
  await services.ask(MUTATION('registerEvent'), { input: { eventId } }, community);
  const dispatched = await services.ask(
    MUTATION('dispatchEvent', 'DispatchEventInput'),
    { input: { eventId } },
    community,
  );
  expect(dispatched.data?.dispatchEvent.userErrors).toEqual([]);
  return eventId;
}

const row = (eventId: string) =>
  services.events.db.dataSource.getRepository(GridEvent).findOneByOrFail({ id: eventId });
const timeline = (eventId: string) =>
  services.events.db.dataSource.getRepository(EventAction).find({ where: { eventId }, order: { version: 'ASC' } });
const check = (now: Date, db: Database = services.events.db) => checkDeadlines(db, { now, calendar: CALENDAR });

describe('the scheduled deadline check', () => {
  it('escalates an event not accepted before its dispatch deadline one level at a time, then marks it overdue, and the timeline says so', async () => {
    const eventId = await dispatchedEvent();
    const dispatchedAt = services.clock.now();
    const acceptBy = addWorkingMinutes(dispatchedAt, 60, CALENDAR);
    expect((await row(eventId)).deadlineAt).toEqual(acceptBy);

    expect(await check(new Date(acceptBy.getTime() - 1000))).toEqual({ escalated: 0, markedOverdue: 0, skipped: 0 });
    const first = new Date(acceptBy.getTime() + 60_000);
    expect(await check(first)).toEqual({ escalated: 1, markedOverdue: 0, skipped: 0 });
    expect(await row(eventId)).toMatchObject({
      status: 'DISPATCHED',
      assigneeId: gridWorker.id,
      assigneePersonId: gridWorker.personId,
      assignedLevel: 'GRID',
      escalationIndex: 1,
      deadlineAt: addWorkingMinutes(first, 60, CALENDAR),
      overdueMarked: false,
    });
    expect((await timeline(eventId)).at(-1)).toMatchObject({
      step: 'ESCALATE',
      fromStatus: 'DISPATCHED',
      toStatus: 'DISPATCHED',
      at: first,
      actorSubject: 'system',
      assigneeId: gridWorker.id,
      note: '超过接收时限未接收，升级派遣至网格责任人',
    });
    // The same instant again: nothing left to do.
    expect(await check(first)).toEqual({ escalated: 0, markedOverdue: 0, skipped: 0 });

    const second = addWorkingMinutes(first, 61, CALENDAR);
    expect(await check(second)).toEqual({ escalated: 1, markedOverdue: 0, skipped: 0 });
    expect(await row(eventId)).toMatchObject({ assigneeId: null, assignedLevel: 'COMMUNITY', escalationIndex: 2 });
    const third = addWorkingMinutes(second, 61, CALENDAR);
    expect(await check(third)).toEqual({ escalated: 0, markedOverdue: 1, skipped: 0 });
    expect(await check(addWorkingMinutes(third, 600, CALENDAR))).toEqual({
      escalated: 0,
      markedOverdue: 0,
      skipped: 0,
    });
    expect((await timeline(eventId)).map((action) => [action.step, action.note])).toEqual([
      ['REPORT', null],
      ['REGISTER', null],
      ['DISPATCH', '自动派遣：派遣至微网格责任人'],
      ['ESCALATE', '超过接收时限未接收，升级派遣至网格责任人'],
      ['ESCALATE', '超过接收时限未接收，升级派遣至社区'],
      ['OVERDUE', '已超过接收时限'],
    ]);
    const gridWorkerToken = await token('GRID_WORKER', [SANYIQIAO], gridWorker.personId);
    services.clock.set(third);
    const { data } = await services.ask(
      `{ event(id: "${eventId}") { overdue deadlineStage } events(filter: { overdue: true }) { edges { node { id } } } }`,
      {},
      gridWorkerToken,
    );
    expect(data).toEqual({
      event: { overdue: true, deadlineStage: 'ACCEPT' },
      events: { edges: [{ node: { id: eventId } }] },
    });
    // Escalated to the community, so neither worker below may accept it any more; the community may.
    const leaderToken = await token('GRID_WORKER', [SANYIQIAO], leader.personId);
    expect(
      (await services.ask(MUTATION('acceptEvent'), { input: { eventId } }, leaderToken)).data?.acceptEvent.userErrors,
    ).toEqual([{ code: 'NOT_ASSIGNEE' }]);
    expect(
      (await services.ask(MUTATION('acceptEvent'), { input: { eventId } }, community)).data?.acceptEvent.userErrors,
    ).toEqual([]);
    services.clock.set('2026-11-30T01:30:00Z');
  });

  it('marks an event not registered in time overdue once; registering it starts a new, later deadline', async () => {
    services.clock.set('2026-11-30T01:30:00Z');
    const reported = await services.ask(
      MUTATION('reportEvent', 'ReportEventInput'),
      { input: { gridId: micro.id, title: '路灯不亮', category: '公共设施' } },
      community,
    );
    const eventId = reported.data?.reportEvent.event.id as string;
    const late = addWorkingMinutes(services.clock.now(), 90, CALENDAR);
    const result = await check(late);
    expect(result.markedOverdue).toBeGreaterThanOrEqual(1);
    expect((await timeline(eventId)).at(-1)).toMatchObject({
      step: 'OVERDUE',
      note: '已超过立案时限',
      fromStatus: 'REPORTED',
      toStatus: 'REPORTED',
    });
    expect(await check(late)).toEqual({ escalated: 0, markedOverdue: 0, skipped: 0 });
    services.clock.set(late);
    await services.ask(MUTATION('registerEvent'), { input: { eventId } }, community);
    expect(await row(eventId)).toMatchObject({ status: 'REGISTERED', deadlineStage: 'FINISH', overdueMarked: false });
    services.clock.set('2026-11-30T01:30:00Z');
  });

  it('is safe on several instances at once: each late event escalates exactly once', async () => {
    services.clock.set('2026-11-30T01:30:00Z');
    const ids = [];
    for (let index = 0; index < 12; index += 1) ids.push(await dispatchedEvent());
    const late = addWorkingMinutes(services.clock.now(), 61, CALENDAR);
    // On MySQL a second DataSource is a second instance with its own connections; SQLite
    // in memory has one connection, where the checks interleave between statements.
    const url = (services.events.db.dataSource.options as { url?: string }).url;
    const other = url
      ? await openDatabase({ url, entities: eventEntities, migrations: eventMigrations })
      : services.events.db;
    try {
      const results = await Promise.all([check(late), check(late, other), check(late), check(late, other)]);
      expect(results.reduce((sum, result) => sum + result.escalated, 0)).toBe(12);
      expect(results.reduce((sum, result) => sum + result.markedOverdue, 0)).toBe(0);
      for (const eventId of ids) {
        const steps = (await timeline(eventId)).map((action) => action.step);
        expect(steps).toEqual(['REPORT', 'REGISTER', 'DISPATCH', 'ESCALATE']);
        expect(await row(eventId)).toMatchObject({ assigneeId: gridWorker.id, version: 4 });
      }
      expect(await check(late)).toEqual({ escalated: 0, markedOverdue: 0, skipped: 0 });
    } finally {
      if (other !== services.events.db) await other.dataSource.destroy();
    }
  });

  it('never takes a step a person took first: an event accepted meanwhile is left alone', async () => {
    services.clock.set('2026-11-30T01:30:00Z');
    const eventId = await dispatchedEvent();
    const stale = await row(eventId);
    const leaderToken = await token('GRID_WORKER', [SANYIQIAO], leader.personId);
    await services.ask(MUTATION('acceptEvent'), { input: { eventId } }, leaderToken);
    // The check read the event before the worker accepted it: its conditional update matches nothing.
    const { writeStep } = await import('../../subgraphs/events/src/actions/write-step.js');
    const written = await services.events.db.dataSource.transaction((manager) =>
      writeStep(manager, stale, {
        patch: { assigneeId: null },
        action: {
          step: 'ESCALATE',
          fromStatus: 'DISPATCHED',
          toStatus: 'DISPATCHED',
          at: stale.updatedAt,
          actorSubject: 'system',
          actorRole: null,
          actorPersonId: null,
          assigneeId: null,
          note: null,
        },
      }),
    );
    expect(written).toBeNull();
    expect(await row(eventId)).toMatchObject({ status: 'ACCEPTED', assigneeId: leader.id, version: 4 });
  });
});

describe('the check-deadlines command', () => {
  it('runs the check once against the configured database and prints what it did, twice without doing it again', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'check-deadlines-'));
    const url = `sqlite:${join(directory, 'events.sqlite')}`;
    try {
      const db = await openDatabase({ url, entities: eventEntities, migrations: eventMigrations });
      const late = new Date('2020-01-06T02:00:00Z');
      await db.dataSource.getRepository(GridEvent).insert({
        id: 'late-event',
        title: '过期事件',
        description: null,
        category: '公共设施',
        priority: 'NORMAL',
        source: 'PATROL',
        status: 'REPORTED',
        gridId: micro.id,
        areaCode: micro.code,
        reporterId: null,
        assigneeId: null,
        reportedAt: late,
        updatedAt: late,
        closedAt: null,
        version: 1,
        deadlineAt: late,
        deadlineStage: 'REGISTER',
      });
      await db.dataSource.destroy();
      const run = promisify(execFile);
      const env = { ...process.env, EVENTS_DATABASE_URL: url };
      const command = [process.execPath, ['--import', 'tsx', 'subgraphs/events/src/check-deadlines.ts']] as const;
      const first = await run(...command, { env });
      expect(JSON.parse(first.stdout)).toMatchObject({ escalated: 0, markedOverdue: 1, skipped: 0 });
      const second = await run(...command, { env });
      expect(JSON.parse(second.stdout)).toMatchObject({ escalated: 0, markedOverdue: 0, skipped: 0 });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
