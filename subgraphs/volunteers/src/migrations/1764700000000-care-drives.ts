import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 安全爱心包 drives (issue 8): drives, their items and stock, their target people, and
 * deliveries, of which one DELIVERED per person and drive (a unique index on a column
 * set only for DELIVERED, since MariaDB has no partial indexes). Frozen: raw columns.
 */
export class CareDrives1764700000000 implements MigrationInterface {
  name = 'CareDrives1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table);
  }
}

const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
const text = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });
const int = (name: string) => ({ name, type: 'int' });

const TABLES = [
  new Table({
    name: 'care_drive',
    columns: [
      { ...ref('id'), isPrimary: true },
      text('area_code', 18),
      text('title', 128),
      text('target_tag', 32),
      text('status', 16),
      int('target_count'),
      text('created_by', 128),
      time('created_at'),
    ],
    indices: [new TableIndex({ name: 'idx_care_drive_area', columnNames: ['area_code'] })],
  }),
  new Table({
    name: 'care_drive_item',
    columns: [{ ...ref('id'), isPrimary: true }, ref('drive_id'), text('name', 64), int('per_package'), int('stock')],
    indices: [new TableIndex({ name: 'idx_care_drive_item_drive', columnNames: ['drive_id'] })],
  }),
  new Table({
    name: 'care_drive_target',
    columns: [
      { ...ref('drive_id'), isPrimary: true },
      { ...ref('person_id'), isPrimary: true },
      ref('grid_id'),
      text('area_code', 18),
      text('last_outcome', 16, true),
    ],
    indices: [new TableIndex({ name: 'idx_care_drive_target_grid', columnNames: ['drive_id', 'area_code'] })],
  }),
  new Table({
    name: 'care_delivery',
    columns: [
      { ...ref('id'), isPrimary: true },
      ref('drive_id'),
      ref('person_id'),
      ref('grid_id'),
      text('area_code', 18),
      text('outcome', 16),
      ref('delivered_person_id', true),
      ref('volunteer_id', true),
      text('recorded_by', 128),
      time('recorded_at'),
      text('note', 200, true),
      { name: 'follow_up_requested', type: 'boolean', default: false },
      time('confirmed_at', true),
    ],
    indices: [
      new TableIndex({
        name: 'uq_care_delivery_delivered',
        columnNames: ['drive_id', 'delivered_person_id'],
        isUnique: true,
      }),
      new TableIndex({ name: 'idx_care_delivery_person', columnNames: ['drive_id', 'person_id'] }),
    ],
  }),
];
