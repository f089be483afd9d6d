import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingMinutes } from '../../subgraphs/events/src/domain/working-time.js';
import { EventAction } from '../../subgraphs/events/src/entities/event-action.js';
import { EventCategory } from '../../subgraphs/events/src/entities/event-category.js';
import { GridEvent } from '../../subgraphs/events/src/entities/grid-event.js';
import { Topic, TopicVote } from '../../subgraphs/events/src/entities/topic.js';
import { eventEntities } from '../../subgraphs/events/src/entities/index.js';
import { eventMigrations } from '../../subgraphs/events/src/migrations/index.js';
import { openDatabase, type Database } from '../../subgraphs/kit/src/database.js';
import { freshDatabaseUrl } from '../support/database.js';
import { CALENDAR } from './support.js';

/** A database that outlives one connection: a MySQL database, or a SQLite file in a temporary folder. */
const directory = process.env.TEST_MYSQL_URL ? null : mkdtempSync(join(tmpdir(), 'events-migration-'));
const database = directory
  ? {
      url: `sqlite:${join(directory, 'events.sqlite')}`,
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    }
  : freshDatabaseUrl('events_migration');
let db: Database;

const at = (local: string) => new Date(`${local}+08:00`);
const LEGACY = [
  ['reported', 'REPORTED', 'NORMAL', '公共设施', at('2026-11-30T09:00:00'), at('2026-11-30T09:00:00'), null, null],
  [
    'dispatched',
    'DISPATCHED',
    'URGENT',
    '矛盾纠纷',
    at('2026-11-30T09:00:00'),
    at('2026-11-30T09:30:00'),
    null,
    'staff-1',
  ],
  [
    'closed',
    'CLOSED',
    'NORMAL',
    '安全隐患',
    at('2026-11-27T16:00:00'),
    at('2026-11-30T11:00:00'),
    at('2026-11-30T11:00:00'),
    'staff-1',
  ],
  [
    'unknown-category',
    'IN_PROGRESS',
    'NORMAL',
    '旧系统类别',
    at('2026-11-30T09:00:00'),
    at('2026-11-30T10:00:00'),
    null,
    'staff-2',
  ],
] as const;

beforeAll(async () => {
  // The database as the foundation left it: only the first migration, with events in it.
  const before = await openDatabase({
    url: database.url,
    entities: [GridEvent],
    migrations: eventMigrations.slice(0, 1),
  });
  for (const [id, status, priority, category, reportedAt, updatedAt, closedAt, assigneeId] of LEGACY) {
    await before.dataSource.query(
      'INSERT INTO grid_event (id, title, description, category, priority, source, status, grid_id, area_code, reporter_id, assignee_id, reported_at, updated_at, closed_at, version) ' +
        "VALUES (?, '旧事件', NULL, ?, ?, 'PATROL', ?, 'grid-1', '510116001001001001', NULL, ?, ?, ?, ?, 1)",
      [
        id,
        category,
        priority,
        status,
        assigneeId,
        ...[reportedAt, updatedAt, closedAt].map((date) =>
          date
            ? date
                .toISOString()
                .replace('T', ' ')
                .replace('Z', '')
                .slice(0, before.kind === 'mysql' ? 19 : 23)
            : null,
        ),
      ],
    );
  }
  await before.dataSource.destroy();
  db = await openDatabase({ url: database.url, entities: eventEntities, migrations: eventMigrations });
});
afterAll(async () => {
  await db?.dataSource.destroy();
  await database.drop();
});

describe('the event-domain migration', () => {
  it('seeds the category catalogue', async () => {
    const categories = await db.dataSource.getRepository(EventCategory).find({ order: { sortOrder: 'ASC' } });
    expect(categories).toHaveLength(14);
    expect(categories[0]).toMatchObject({
      name: '公共设施',
      categoryClass: 'FACILITY',
      active: true,
      normalRegisterMinutes: 60,
      normalFinishMinutes: 1260,
      urgentRegisterMinutes: 10,
    });
  });

  it('gives existing events their deadlines, dispatch level and time to close, computed from the default catalogue', async () => {
    const rows = new Map((await db.dataSource.getRepository(GridEvent).find()).map((row) => [row.id, row]));
    expect(rows.get('reported')).toMatchObject({
      deadlineAt: at('2026-11-30T10:00:00'),
      deadlineStage: 'REGISTER',
      finishDueAt: null,
      assignedLevel: null,
      overdueMarked: false,
      escalationIndex: 0,
      photos: null,
    });
    // Urgent: ten clock minutes to accept from the last update; closing within a day after the ten minutes to register.
    expect(rows.get('dispatched')).toMatchObject({
      deadlineAt: at('2026-11-30T09:40:00'),
      deadlineStage: 'ACCEPT',
      finishDueAt: at('2026-12-01T09:10:00'),
      assignedLevel: 'MICRO_GRID',
    });
    expect(rows.get('closed')).toMatchObject({
      deadlineAt: null,
      deadlineStage: null,
      finishDueAt: addWorkingMinutes(at('2026-11-27T16:00:00'), 60 + 840, CALENDAR),
      closeSeconds: (3 * 24 - 5) * 3600,
    });
    // A category the catalogue does not know counts like 其他事件: three working days.
    expect(rows.get('unknown-category')).toMatchObject({
      deadlineStage: 'FINISH',
      deadlineAt: addWorkingMinutes(at('2026-11-30T09:00:00'), 60 + 1260, CALENDAR),
    });
  });

  it('opens each existing event’s timeline with one MIGRATE entry at its last update', async () => {
    const actions = await db.dataSource.getRepository(EventAction).find({ order: { eventId: 'ASC' } });
    expect(
      actions.map((action) => [
        action.eventId,
        action.version,
        action.step,
        action.fromStatus,
        action.toStatus,
        action.at.toISOString(),
        action.actorSubject,
      ]),
    ).toEqual(
      [...LEGACY]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([id, status, , , , updatedAt]) => [id, 1, 'MIGRATE', null, status, updatedAt.toISOString(), 'system']),
    );
  });
});

describe('the deliberation-hall migration', () => {
  it('links no existing event to a topic and starts with an empty hall', async () => {
    const events = await db.dataSource.getRepository(GridEvent).find();
    expect(events.map((event) => event.topicId)).toEqual(LEGACY.map(() => null));
    expect(await db.dataSource.getRepository(Topic).count()).toBe(0);
  });

  it('keeps one vote per resident and topic in the database itself', async () => {
    const vote = {
      topicId: 't-1',
      personId: 'p-1',
      areaCode: '510116001001001001',
      choice: 'FOR' as const,
      voterSubject: 'r',
      votedAt: new Date('2026-11-30T01:00:00Z'),
    };
    await db.dataSource.getRepository(TopicVote).insert(vote);
    await expect(db.dataSource.getRepository(TopicVote).insert({ ...vote, choice: 'AGAINST' })).rejects.toThrow();
    expect(await db.dataSource.getRepository(TopicVote).countBy({ topicId: 't-1' })).toBe(1);
  });
});
