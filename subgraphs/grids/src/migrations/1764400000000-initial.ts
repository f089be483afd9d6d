import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1764400000000 implements MigrationInterface {
  name = 'Initial1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'area',
        columns: [
          { name: 'code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'level', type: 'varchar', length: '16' },
          { name: 'parent_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'administered_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'is_demo_code', type: 'boolean', default: false },
        ],
        indices: [new TableIndex({ name: 'idx_area_parent', columnNames: ['parent_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'grid',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'type', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16', default: "'ACTIVE'" },
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'community_code', type: 'varchar', length: '12' },
          { name: 'dedicated_to', type: 'varchar', length: '128', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'retired_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_grid_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_grid_parent', columnNames: ['parent_id'] }),
          new TableIndex({ name: 'idx_grid_community_type', columnNames: ['community_code', 'type'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'grid_staff',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '24' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'idx_grid_staff_person', columnNames: ['person_id'] }),
          new TableIndex({ name: 'idx_grid_staff_area', columnNames: ['area_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_assignment',
        columns: [
          { name: 'staff_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grid_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'idx_staff_assignment_grid', columnNames: ['grid_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['staff_assignment', 'grid_staff', 'grid', 'area']) await queryRunner.dropTable(table);
  }
}
