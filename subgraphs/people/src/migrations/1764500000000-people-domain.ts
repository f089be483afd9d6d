import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The special groups of issue 4, as the catalogue starts; more are rows added later. */
const BUILT_IN_TAGS: [code: string, label: string, needsOccupation: boolean][] = [
  ['EMPTY_NEST_ELDER', '空巢老人', false],
  ['LIVING_ALONE_ELDER', '独居老人', false],
  ['NEW_EMPLOYMENT_WORKER', '新就业形态劳动者', true],
  ['DISABLED', '残疾人', false],
  ['LOW_INCOME', '低保', false],
  ['VETERAN', '退役军人', false],
  ['PARTY_MEMBER', '党员', false],
  ['KEY_CONCERN', '重点关注', false],
];

const nullableText = (name: string, length: number) =>
  new TableColumn({ name, type: 'varchar', length: String(length), isNullable: true });

/**
 * The people domain: identity documents, residency dates, building and room, status date
 * and reason, occupations on tags, the tag catalogue, moves and the PII access log.
 * Existing rows keep their data: their ID cards become `RESIDENT_ID_CARD` documents, and
 * their residency and status are dated from their registration.
 */
export class PeopleDomain1764500000000 implements MigrationInterface {
  name = 'PeopleDomain1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('person', [
      new TableColumn({ name: 'document_type', type: 'varchar', length: '32', default: "'RESIDENT_ID_CARD'" }),
      nullableText('residency_since', 10),
      nullableText('residency_until', 10),
      nullableText('building_id', 36),
      nullableText('room', 32),
      nullableText('status_since', 10),
      nullableText('status_reason', 255),
    ]);
    // SUBSTR of a DATETIME is its text on MySQL and SQLite alike: YYYY-MM-DD first.
    await queryRunner.query(
      'UPDATE person SET residency_since = SUBSTR(registered_at, 1, 10), status_since = SUBSTR(registered_at, 1, 10) WHERE status_since IS NULL',
    );
    await queryRunner.createIndices('person', [
      new TableIndex({ name: 'idx_person_building', columnNames: ['building_id'] }),
      // Population statistics under an area prefix read this index alone.
      new TableIndex({
        name: 'idx_person_stats',
        columnNames: ['area_code', 'status', 'gender', 'residency_type', 'birth_date'],
      }),
    ]);

    await queryRunner.addColumn('household', nullableText('building_id', 36));
    await queryRunner.addColumn('person_tag', nullableText('occupation', 32));
    await queryRunner.createIndex(
      'person_tag',
      new TableIndex({ name: 'idx_person_tag_area', columnNames: ['area_code', 'code'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tag_definition',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'label', type: 'varchar', length: '32' },
          { name: 'needs_occupation', type: 'boolean', default: '0' },
          { name: 'active', type: 'boolean', default: '1' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'uq_tag_definition_label', columnNames: ['label'], isUnique: true })],
      }),
    );
    for (const [code, label, needsOccupation] of BUILT_IN_TAGS) {
      await queryRunner.query(
        'INSERT INTO tag_definition (code, label, needs_occupation, active, created_at) VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP)',
        [code, label, needsOccupation ? 1 : 0],
      );
    }

    await queryRunner.createTable(
      new Table({
        name: 'residence_move',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'moved_on', type: 'varchar', length: '10' },
          { name: 'from_grid_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'from_area_code', type: 'varchar', length: '18', isNullable: true },
          { name: 'from_building_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'from_room', type: 'varchar', length: '32', isNullable: true },
          { name: 'to_grid_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'to_area_code', type: 'varchar', length: '18', isNullable: true },
          { name: 'to_building_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'to_room', type: 'varchar', length: '32', isNullable: true },
          { name: 'left_for', type: 'varchar', length: '255', isNullable: true },
          { name: 'reason', type: 'varchar', length: '255', isNullable: true },
          { name: 'recorded_by', type: 'varchar', length: '128' },
          { name: 'recorded_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'idx_residence_move_person', columnNames: ['person_id'] }),
          new TableIndex({ name: 'idx_residence_move_area', columnNames: ['area_code'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pii_access_log',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'viewer_subject', type: 'varchar', length: '128' },
          { name: 'viewer_roles', type: 'varchar', length: '128' },
          { name: 'person_id', type: 'varchar', length: '36' },
          { name: 'area_code', type: 'varchar', length: '18' },
          { name: 'fields', type: 'varchar', length: '64' },
          { name: 'purpose', type: 'varchar', length: '200' },
          { name: 'accessed_at', type: 'datetime' },
        ],
        indices: [
          // Newest first, paged by (accessed_at, id).
          new TableIndex({ name: 'idx_pii_log_time', columnNames: ['accessed_at', 'id'] }),
          new TableIndex({ name: 'idx_pii_log_area', columnNames: ['area_code'] }),
          new TableIndex({ name: 'idx_pii_log_person', columnNames: ['person_id'] }),
          new TableIndex({ name: 'idx_pii_log_viewer', columnNames: ['viewer_subject'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['pii_access_log', 'residence_move', 'tag_definition']) await queryRunner.dropTable(table);
    await queryRunner.dropIndex('person_tag', 'idx_person_tag_area');
    await queryRunner.dropColumn('person_tag', 'occupation');
    await queryRunner.dropColumn('household', 'building_id');
    await queryRunner.dropIndex('person', 'idx_person_stats');
    await queryRunner.dropIndex('person', 'idx_person_building');
    await queryRunner.dropColumns('person', [
      'document_type',
      'residency_since',
      'residency_until',
      'building_id',
      'room',
      'status_since',
      'status_reason',
    ]);
  }
}
