import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A person may read their own record in full; the access log keeps those reads too, marked
 * as self-access so that auditors tell them apart from a worker's read of someone else.
 * Rows logged before are workers' reads.
 */
export class PiiSelfAccess1764600000000 implements MigrationInterface {
  name = 'PiiSelfAccess1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'pii_access_log',
      new TableColumn({ name: 'self_access', type: 'boolean', default: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('pii_access_log', 'self_access');
  }
}
