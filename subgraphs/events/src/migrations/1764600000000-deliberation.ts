import {
  Table,
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';

const id = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
const index = (table: string, ...columns: string[]) =>
  new TableIndex({ name: `idx_${table}_${columns.join('_')}`, columnNames: columns });

/**
 * 网格议事厅, the deliberation hall: topics, their comments, one vote per resident (the
 * primary key of `topic_vote` is the topic and the person), the decisions that close
 * them, and the link from an event to the topic whose decision opened it.
 */
export class Deliberation1764600000000 implements MigrationInterface {
  name = 'Deliberation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const tables: [string, TableColumnOptions[], TableIndex[]][] = [
      [
        'topic',
        [
          { ...id('id'), isPrimary: true },
          id('grid_id'),
          text('grid_code', 18),
          text('area_code', 18),
          text('title', 100),
          text('body', 2000),
          text('status', 16),
          text('raiser_subject', 120),
          text('raiser_role', 24, true),
          id('raiser_person_id', true),
          time('raised_at'),
          time('closed_at', true),
          text('withdraw_reason', 500, true),
          { name: 'version', type: 'int', default: 1 },
        ],
        // Grid.topics and topics(filter): a code prefix, newest first by the time-ordered id.
        [index('topic', 'area_code', 'id'), index('topic', 'status', 'area_code')],
      ],
      [
        'topic_comment',
        [
          { ...id('id'), isPrimary: true },
          id('topic_id'),
          text('area_code', 18),
          text('body', 1000),
          text('author_subject', 120),
          text('author_role', 24, true),
          id('author_person_id', true),
          time('created_at'),
        ],
        // Topic.comments pages oldest first, and commentCount, from this index alone.
        [index('topic_comment', 'topic_id', 'id')],
      ],
      [
        'topic_vote',
        [
          { ...id('topic_id'), isPrimary: true },
          { ...id('person_id'), isPrimary: true },
          text('area_code', 18),
          text('choice', 16),
          text('voter_subject', 120),
          time('voted_at'),
        ],
        // Topic.voteCounts: votes of many topics grouped by choice, read from the index.
        [index('topic_vote', 'topic_id', 'choice')],
      ],
      [
        'topic_decision',
        [
          { ...id('topic_id'), isPrimary: true },
          text('area_code', 18),
          text('outcome', 16),
          text('text', 2000),
          time('decided_at'),
          text('decider_subject', 120),
          text('decider_role', 24, true),
          id('decider_person_id', true),
          text('project_title', 100, true),
          text('project_plan', 2000, true),
        ],
        [index('topic_decision', 'area_code')],
      ],
    ];
    for (const [name, columns, indices] of tables) await queryRunner.createTable(new Table({ name, columns, indices }));
    await queryRunner.addColumn('grid_event', new TableColumn(id('topic_id', true)));
    await queryRunner.createIndex('grid_event', index('grid_event', 'topic_id'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('grid_event', 'idx_grid_event_topic_id');
    await queryRunner.dropColumn('grid_event', 'topic_id');
    for (const table of ['topic_decision', 'topic_vote', 'topic_comment', 'topic']) await queryRunner.dropTable(table);
  }
}
