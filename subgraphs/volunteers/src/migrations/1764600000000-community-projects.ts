import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 家园共筑 projects (issue 8): the project table, and the project an activity carries out.
 * The migration is frozen: it names columns, not the entities.
 */
export class CommunityProjects1764600000000 implements MigrationInterface {
  name = 'CommunityProjects1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(PROJECT);
    await queryRunner.addColumn(
      'activity',
      new TableColumn({ name: 'project_id', type: 'varchar', length: '36', isNullable: true }),
    );
    await queryRunner.createIndex(
      'activity',
      new TableIndex({ name: 'idx_activity_project', columnNames: ['project_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('activity', 'idx_activity_project');
    await queryRunner.dropColumn('activity', 'project_id');
    await queryRunner.dropTable(PROJECT);
  }
}

const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });

const PROJECT = new Table({
  name: 'project',
  columns: [
    { name: 'id', type: 'varchar', length: '36', isPrimary: true },
    text('area_code', 18),
    text('title', 128),
    text('plan', 2000),
    { name: 'budget_fen', type: 'bigint' },
    { name: 'needed_volunteers', type: 'int' },
    text('skills', 1024),
    text('status', 16),
    text('proposed_by', 128),
    time('proposed_at'),
    text('decided_by', 128, true),
    time('decided_at', true),
    text('decision_reason', 200, true),
    text('claimed_by_team_id', 36, true),
    text('claimed_by_volunteer_id', 36, true),
    time('claimed_at', true),
    time('started_at', true),
    time('closed_at', true),
    text('result', 1000, true),
  ],
  indices: [
    new TableIndex({ name: 'idx_project_area', columnNames: ['area_code'] }),
    new TableIndex({ name: 'idx_project_status', columnNames: ['status', 'area_code'] }),
  ],
});
