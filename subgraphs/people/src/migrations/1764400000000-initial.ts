import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1764400000000 implements MigrationInterface {
  name = 'Initial1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'person',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'id_number', type: 'varchar', length: '18' },
          { name: 'gender', type: 'varchar', length: '8' },
          { name: 'birth_date', type: 'varchar', length: '10' },
          { name: 'phone', type: 'varchar', length: '16', isNullable: true },
          { name: 'residency_type', type: 'varchar', length: '16' },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'household_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'household_relation', type: 'varchar', length: '16', isNullable: true },
          { name: 'status', type: 'varchar', length: '16', default: "'ACTIVE'" },
          { name: 'registered_at', type: 'datetime' },
        ],
        indices: [
          // One person, one record: the index, not a read before the write, settles races.
          new TableIndex({ name: 'uq_person_id_number', columnNames: ['id_number'], isUnique: true }),
          new TableIndex({ name: 'idx_person_area', columnNames: ['area_code'] }),
          new TableIndex({ name: 'idx_person_household', columnNames: ['household_id'] }),
          new TableIndex({ name: 'idx_person_name', columnNames: ['name'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'person_tag',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'code', type: 'varchar', length: '32' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'since', type: 'datetime' },
          { name: 'until', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_person_tag_person', columnNames: ['person_id'] }),
          // Counting a tag under an area prefix reads this index alone.
          new TableIndex({ name: 'idx_person_tag_code_area', columnNames: ['code', 'area_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'household',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'address', type: 'varchar', length: '255' },
          { name: 'grid_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
        ],
        indices: [new TableIndex({ name: 'idx_household_area', columnNames: ['area_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['household', 'person_tag', 'person']) await queryRunner.dropTable(table);
  }
}
