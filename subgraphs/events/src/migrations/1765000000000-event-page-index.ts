import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { indexReplacement } from '../../../kit/src/index-migration.js';

const KEYSET = new TableIndex({ name: 'idx_grid_event_reported_at_id', columnNames: ['reported_at', 'id'] });
/**
 * The newest-first event lists walk this index for a page's ids and check status and area
 * code in the index entry itself: only the page's rows are read from the table (a deferred
 * join, `paginate`'s `deferredJoin`). It replaces the (reported_at, id) keyset index.
 */
const PAGE = new TableIndex({ name: 'idx_grid_event_page', columnNames: ['reported_at', 'id', 'status', 'area_code'] });

const step = indexReplacement('grid_event', KEYSET, PAGE);

export class EventPageIndex1765000000000 implements MigrationInterface {
  name = 'EventPageIndex1765000000000';

  up = (queryRunner: QueryRunner) => step.up(queryRunner);

  down = (queryRunner: QueryRunner) => step.down(queryRunner);
}
