import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { indexReplacement } from '../../../kit/src/index-migration.js';

const AREA = new TableIndex({ name: 'idx_person_tag_area', columnNames: ['area_code', 'code'] });
/**
 * The tag counts of population statistics read the area code, the code, whether the tag
 * still holds and whose it is: with all four in the index, a dashboard's per-grid counts
 * no longer look up every tag row in the table. It replaces the (area_code, code) index,
 * which it serves as well.
 */
const COUNTS = new TableIndex({
  name: 'idx_person_tag_counts',
  columnNames: ['area_code', 'code', 'until', 'person_id'],
});

const step = indexReplacement('person_tag', AREA, COUNTS);

export class TagCountCoveringIndex1764900000000 implements MigrationInterface {
  name = 'TagCountCoveringIndex1764900000000';

  up = (queryRunner: QueryRunner) => step.up(queryRunner);

  down = (queryRunner: QueryRunner) => step.down(queryRunner);
}
