import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1764400000000 implements MigrationInterface {
  name = 'Initial1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'grid_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'priority', type: 'varchar', length: '16' },
          { name: 'source', type: 'varchar', length: '24' },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'reporter_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'assignee_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'reported_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
          { name: 'closed_at', type: 'datetime', isNullable: true },
          { name: 'version', type: 'int', default: 1 },
        ],
        indices: [
          // Scope and Grid.events: `area_code LIKE 'prefix%'`.
          new TableIndex({ name: 'idx_grid_event_area', columnNames: ['area_code'] }),
          // events(filter: { status, areaCode }): equality on status, then the prefix range.
          new TableIndex({ name: 'idx_grid_event_status_area', columnNames: ['status', 'area_code'] }),
          new TableIndex({ name: 'idx_grid_event_reporter', columnNames: ['reporter_id'] }),
          new TableIndex({ name: 'idx_grid_event_assignee', columnNames: ['assignee_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('grid_event');
  }
}
