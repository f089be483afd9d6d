import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SELF_ACCESS_LABEL, SELF_ACCESS_PURPOSE } from '../domain/access-purposes.js';
import { SENSITIVE_TAGS } from '../domain/tags.js';

/**
 * Purposes from a catalogue, analysts on aggregates. The tag catalogue marks sensitive
 * groups (the built-in ones in `SENSITIVE_TAGS`); the access log keeps the note declared
 * with a purpose code, and self-accesses are logged under the code SELF_ACCESS instead of
 * the text 本人查阅. Older rows logged with free text keep it. The column is `is_sensitive`:
 * SENSITIVE is a reserved word in MySQL and MariaDB.
 */
export class AccessPurposesAndSensitiveTags1765000000000 implements MigrationInterface {
  name = 'AccessPurposesAndSensitiveTags1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'tag_definition',
      new TableColumn({ name: 'is_sensitive', type: 'boolean', default: '0' }),
    );
    await queryRunner.query(
      `UPDATE tag_definition SET is_sensitive = 1 WHERE code IN (${SENSITIVE_TAGS.map(() => '?').join(', ')})`,
      [...SENSITIVE_TAGS],
    );
    await queryRunner.addColumn(
      'pii_access_log',
      new TableColumn({ name: 'note', type: 'varchar', length: '200', isNullable: true }),
    );
    await queryRunner.query('UPDATE pii_access_log SET purpose = ? WHERE self_access = 1 AND purpose = ?', [
      SELF_ACCESS_PURPOSE,
      SELF_ACCESS_LABEL,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE pii_access_log SET purpose = ? WHERE self_access = 1 AND purpose = ?', [
      SELF_ACCESS_LABEL,
      SELF_ACCESS_PURPOSE,
    ]);
    await queryRunner.dropColumn('pii_access_log', 'note');
    await queryRunner.dropColumn('tag_definition', 'is_sensitive');
  }
}
