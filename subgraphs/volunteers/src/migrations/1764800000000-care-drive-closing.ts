import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Closing a 安全爱心包 drive: when, by whom and with what note (null for every existing
 * drive, which stays OPEN), and an index for the list of drives by status inside an area.
 * Frozen: raw columns.
 */
export class CareDriveClosing1764800000000 implements MigrationInterface {
  name = 'CareDriveClosing1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('care_drive', [
      new TableColumn({ name: 'closed_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'closed_by', type: 'varchar', length: '128', isNullable: true }),
      new TableColumn({ name: 'close_note', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'care_drive',
      new TableIndex({ name: 'idx_care_drive_status', columnNames: ['status', 'area_code'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('care_drive', 'idx_care_drive_status');
    for (const column of ['close_note', 'closed_by', 'closed_at']) await queryRunner.dropColumn('care_drive', column);
  }
}
