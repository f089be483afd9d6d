import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1764400000000 implements MigrationInterface {
  name = 'Initial1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'volunteer',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'confirmed_minutes', type: 'int', default: 0 },
          { name: 'registered_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_volunteer_person', columnNames: ['person_id'], isUnique: true }),
          new TableIndex({ name: 'idx_volunteer_area', columnNames: ['area_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'volunteer_team',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'area_code', type: 'varchar', length: '18' },
        ],
        indices: [new TableIndex({ name: 'idx_volunteer_team_area', columnNames: ['area_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_membership',
        columns: [
          { name: 'team_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'volunteer_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'joined_at', type: 'datetime' },
          { name: 'left_at', type: 'datetime', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_team_membership_volunteer', columnNames: ['volunteer_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'activity',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'title', type: 'varchar', length: '128' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16', default: "'DRAFT'" },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'team_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'starts_at', type: 'datetime' },
          { name: 'ends_at', type: 'datetime' },
          { name: 'capacity', type: 'int' },
        ],
        indices: [new TableIndex({ name: 'idx_activity_area', columnNames: ['area_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['activity', 'team_membership', 'volunteer_team', 'volunteer'])
      await queryRunner.dropTable(table);
  }
}
