import {
  Table,
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { sqlTimestamp } from '../../../kit/src/sql.js';
import { DEFAULT_CATEGORIES, deadlineRule, type CategoryDefinition } from '../domain/categories.js';
import { stageOf } from '../domain/deadlines.js';
import { oneOf, EVENT_PRIORITIES, EVENT_STATUSES } from '../domain/event-values.js';
import { addLimit, DEFAULT_WORKING_HOURS, parseWorkingHours, type WorkingCalendar } from '../domain/working-time.js';

const id = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const time = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, nullable = false, fallback?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  ...(fallback === undefined ? {} : { default: fallback }),
});
const flag = (name: string, fallback?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  ...(fallback === undefined ? {} : { default: fallback }),
});

const EVENT_COLUMNS: TableColumnOptions[] = [
  id('building_id', true),
  { name: 'lng', type: 'double', isNullable: true },
  { name: 'lat', type: 'double', isNullable: true },
  { name: 'photos', type: 'text', isNullable: true },
  id('assignee_person_id', true),
  text('assigned_level', 16, true),
  { name: 'escalation_chain', type: 'text', isNullable: true },
  int('escalation_index', false, 0),
  time('dispatched_at'),
  time('accepted_at'),
  time('feedback_at'),
  time('deadline_at'),
  text('deadline_stage', 16, true),
  time('finish_due_at'),
  flag('overdue_marked', false),
  text('suspended_from', 24, true),
  int('suspended_remaining_minutes', true),
  int('close_seconds', true),
  int('rating', true),
  text('evaluation', 500, true),
  id('inspection_finding_id', true),
  id('visit_id', true),
  id('drill_id', true),
];

const index = (table: string, ...columns: string[]) =>
  new TableIndex({ name: `idx_${table}_${columns.join('_')}`, columnNames: columns });

/** The calendar legacy deadlines are computed in: the default working hours, no holidays. */
const LEGACY_CALENDAR: WorkingCalendar = {
  periods: parseWorkingHours(DEFAULT_WORKING_HOURS)!,
  holidays: new Set(),
  workdays: new Set(),
};
const BATCH = 500;

interface LegacyRow {
  id: string;
  status: string;
  priority: string;
  category: string;
  reported_at: string | Date;
  updated_at: string | Date;
}

/**
 * The events domain: the category catalogue with time limits, the timeline, deadlines,
 * dispatch levels, inspections, visits and drills. Events that exist already get
 * deadlines computed from the default catalogue (dispatch time taken as their last
 * update), their time to close, and one MIGRATE entry opening their timeline.
 */
export class EventDomain1764500000000 implements MigrationInterface {
  name = 'EventDomain1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(
      'grid_event',
      EVENT_COLUMNS.map((column) => new TableColumn(column)),
    );
    await queryRunner.createIndices('grid_event', [
      // events(filter) pages newest first: the keyset walks this index.
      index('grid_event', 'reported_at', 'id'),
      // events(filter: { overdue }) and the scheduled check: `deadline_at < now`.
      index('grid_event', 'deadline_at'),
      // The median time to close: an area's closing times read from the index alone, in order.
      index('grid_event', 'area_code', 'close_seconds', 'reported_at'),
    ]);
    await this.createTables(queryRunner);
    await this.seedCategories(queryRunner);
    await this.backfillEvents(queryRunner);
  }

  private async createTables(queryRunner: QueryRunner): Promise<void> {
    const tables: [string, TableColumnOptions[], TableIndex[]][] = [
      [
        'event_category',
        [
          { ...text('name', 32), isPrimary: true },
          text('category_class', 16),
          flag('active', true),
          int('sort_order', false, 0),
          ...['normal', 'urgent'].flatMap((priority) =>
            ['register', 'accept', 'finish'].map((stage) => int(`${priority}_${stage}_minutes`)),
          ),
        ],
        [],
      ],
      [
        'event_action',
        [
          { ...id('event_id'), isPrimary: true },
          { ...int('version'), isPrimary: true },
          text('area_code', 18),
          text('step', 24),
          text('from_status', 24, true),
          text('to_status', 24),
          time('at', false),
          text('actor_subject', 120),
          text('actor_role', 24, true),
          id('actor_person_id', true),
          id('assignee_id', true),
          text('note', 1000, true),
        ],
        [index('event_action', 'area_code')],
      ],
      [
        'inspection',
        [
          { ...id('id'), isPrimary: true },
          id('grid_id'),
          text('area_code', 18),
          id('building_id', true),
          text('title', 200),
          time('inspected_at', false),
          text('inspector_subject', 120),
          id('inspector_person_id', true),
          text('status', 16),
          time('closed_at'),
          time('created_at', false),
        ],
        [index('inspection', 'area_code'), index('inspection', 'status', 'area_code')],
      ],
      [
        'inspection_finding',
        [
          { ...id('id'), isPrimary: true },
          id('inspection_id'),
          text('area_code', 18),
          int('position'),
          text('description', 500),
          text('hazard_level', 16),
          flag('needs_rectification'),
          id('rectification_event_id', true),
          { name: 'photos', type: 'text', isNullable: true },
        ],
        [index('inspection_finding', 'inspection_id'), index('inspection_finding', 'rectification_event_id')],
      ],
      [
        'visit',
        [
          { ...id('id'), isPrimary: true },
          id('person_id'),
          id('grid_id'),
          text('area_code', 18),
          text('visitor_kind', 16),
          id('visitor_id'),
          id('visitor_person_id', true),
          time('visited_at', false),
          text('outcome', 16),
          text('notes', 1000, true),
          flag('follow_up_needed'),
          id('follow_up_event_id', true),
          text('recorded_by', 120),
          time('created_at', false),
        ],
        // Person.lastVisitAt: the newest visit of each person, read from this index.
        [index('visit', 'person_id', 'visited_at'), index('visit', 'area_code')],
      ],
      [
        'drill',
        [
          { ...id('id'), isPrimary: true },
          text('area_code', 18),
          text('title', 200),
          { name: 'seed', type: 'bigint' },
          int('requested_workers'),
          text('category', 32),
          text('priority', 16),
          time('started_at', false),
          text('started_by', 120),
        ],
        [index('drill', 'area_code')],
      ],
      [
        'drill_participant',
        [
          { ...id('drill_id'), isPrimary: true },
          { ...id('staff_id'), isPrimary: true },
          id('event_id'),
          id('grid_id'),
          text('area_code', 18),
          text('community_code', 12),
          int('accept_seconds', true),
          int('feedback_seconds', true),
        ],
        [index('drill_participant', 'event_id')],
      ],
    ];
    for (const [name, columns, indices] of tables) await queryRunner.createTable(new Table({ name, columns, indices }));
  }

  private async seedCategories(queryRunner: QueryRunner): Promise<void> {
    for (const category of DEFAULT_CATEGORIES) {
      await queryRunner.query(
        'INSERT INTO event_category (name, category_class, active, sort_order, normal_register_minutes, normal_accept_minutes, normal_finish_minutes, ' +
          'urgent_register_minutes, urgent_accept_minutes, urgent_finish_minutes) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
        [
          category.name,
          category.categoryClass,
          category.sortOrder,
          category.normal.registerMinutes,
          category.normal.acceptMinutes,
          category.normal.finishMinutes,
          category.urgent.registerMinutes,
          category.urgent.acceptMinutes,
          category.urgent.finishMinutes,
        ],
      );
    }
  }

  private async backfillEvents(queryRunner: QueryRunner): Promise<void> {
    const kind = queryRunner.connection.driver.options.type === 'mysql' ? 'mysql' : 'sqlite';
    await queryRunner.query("UPDATE grid_event SET assigned_level = 'MICRO_GRID' WHERE assignee_id IS NOT NULL");
    await queryRunner.query(
      kind === 'mysql'
        ? 'UPDATE grid_event SET close_seconds = TIMESTAMPDIFF(SECOND, reported_at, closed_at) WHERE closed_at IS NOT NULL'
        : 'UPDATE grid_event SET close_seconds = CAST(ROUND((julianday(closed_at) - julianday(reported_at)) * 86400) AS INTEGER) WHERE closed_at IS NOT NULL',
    );
    for (let after = ''; ; ) {
      const rows: LegacyRow[] = await queryRunner.query(
        `SELECT id, status, priority, category, reported_at, updated_at FROM grid_event WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      await this.writeLegacyDeadlines(queryRunner, kind, rows);
    }
    await queryRunner.query(
      'INSERT INTO event_action (event_id, version, area_code, step, from_status, to_status, at, actor_subject, note) ' +
        "SELECT id, version, area_code, 'MIGRATE', NULL, status, updated_at, 'system', '迁移前的事件：此前的办理过程未记录' FROM grid_event",
    );
  }

  /** Deadlines of legacy rows in multi-row statements: one UPDATE of CASE expressions per batch. */
  private async writeLegacyDeadlines(
    queryRunner: QueryRunner,
    kind: 'mysql' | 'sqlite',
    rows: LegacyRow[],
  ): Promise<void> {
    const byName = new Map<string, CategoryDefinition>(DEFAULT_CATEGORIES.map((category) => [category.name, category]));
    const fallback = byName.get('其他事件')!;
    const deadline: unknown[] = [];
    const stage: unknown[] = [];
    const finish: unknown[] = [];
    for (const row of rows) {
      const status = oneOf(EVENT_STATUSES, row.status, 'event status');
      const rule = deadlineRule(
        byName.get(row.category) ?? fallback,
        oneOf(EVENT_PRIORITIES, row.priority, 'event priority'),
      );
      const reportedAt = new Date(
        typeof row.reported_at === 'string' ? `${row.reported_at.replace(' ', 'T')}Z` : row.reported_at,
      );
      const updatedAt = new Date(
        typeof row.updated_at === 'string' ? `${row.updated_at.replace(' ', 'T')}Z` : row.updated_at,
      );
      const at = (from: Date, minutes: number) =>
        sqlTimestamp(kind, addLimit(from, minutes, rule.clock, LEGACY_CALENDAR));
      const finishDue = at(reportedAt, rule.limits.registerMinutes + rule.limits.finishMinutes);
      const running = stageOf(status);
      const due =
        running === 'REGISTER'
          ? at(reportedAt, rule.limits.registerMinutes)
          : running === 'ACCEPT'
            ? at(updatedAt, rule.limits.acceptMinutes)
            : running === 'FINISH'
              ? finishDue
              : null;
      deadline.push(row.id, due);
      stage.push(row.id, due ? running : null);
      finish.push(row.id, status === 'REPORTED' || status === 'CANCELLED' ? null : finishDue);
    }
    const cases = (column: string) => `${column} = CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    await queryRunner.query(
      `UPDATE grid_event SET ${cases('deadline_at')}, ${cases('deadline_stage')}, ${cases('finish_due_at')} WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [...deadline, ...stage, ...finish, ...rows.map((row) => row.id)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'drill_participant',
      'drill',
      'visit',
      'inspection_finding',
      'inspection',
      'event_action',
      'event_category',
    ])
      await queryRunner.dropTable(table);
    for (const name of [
      'idx_grid_event_area_code_close_seconds_reported_at',
      'idx_grid_event_deadline_at',
      'idx_grid_event_reported_at_id',
    ])
      await queryRunner.dropIndex('grid_event', name);
    await queryRunner.dropColumns(
      'grid_event',
      EVENT_COLUMNS.map((column) => column.name),
    );
  }
}
