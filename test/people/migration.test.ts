import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../subgraphs/kit/src/database.js';
import { isUniqueViolation } from '../../subgraphs/kit/src/transaction.js';
import { Initial1764400000000 } from '../../subgraphs/people/src/migrations/1764400000000-initial.js';
import { PeopleDomain1764500000000 } from '../../subgraphs/people/src/migrations/1764500000000-people-domain.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { freshDatabaseUrl } from '../support/database.js';

let url: string;
let cleanUp: () => Promise<void>;

beforeAll(async () => {
  const fresh = freshDatabaseUrl('people_migration');
  if (fresh.url !== 'sqlite::memory:') {
    url = fresh.url;
    cleanUp = fresh.drop;
    return;
  }
  // The database must outlive a close and a reopen: a file, not memory.
  const dir = await mkdtemp(join(tmpdir(), 'people-migration-'));
  url = `sqlite:${join(dir, 'people.sqlite')}`;
  cleanUp = () => rm(dir, { recursive: true, force: true });
});
afterAll(() => cleanUp?.());

describe('the people migrations', () => {
  it('keep existing rows and fill their new columns (old log rows are no self-access), and undo, on SQLite and MySQL alike', async () => {
    const before = await openDatabase({ url, entities: [], migrations: [Initial1764400000000] });
    await before.dataSource.query(
      "INSERT INTO person (id, name, id_number, gender, birth_date, phone, residency_type, grid_id, area_code, household_id, household_relation, status, registered_at) VALUES ('p1', '王芳', '11010519491231002X', 'FEMALE', '1949-12-31', NULL, 'REGISTERED', 'g1', '510116001001001001', 'h1', '户主', 'ACTIVE', '2024-03-05 08:00:00')",
    );
    await before.dataSource.query(
      "INSERT INTO person_tag (id, person_id, code, area_code, since, until) VALUES ('t1', 'p1', 'EMPTY_NEST_ELDER', '510116001001001001', '2024-03-05 08:00:00', NULL)",
    );
    await before.dataSource.query(
      "INSERT INTO household (id, address, grid_id, area_code) VALUES ('h1', '1栋101', 'g1', '510116001001001001')",
    );
    await before.dataSource.destroy();
    // A worker's unmasked read, logged before reads of one's own record were.
    const logged = await openDatabase({
      url,
      entities: [],
      migrations: [Initial1764400000000, PeopleDomain1764500000000],
    });
    await logged.dataSource.query(
      "INSERT INTO pii_access_log (id, viewer_subject, viewer_roles, person_id, area_code, fields, purpose, accessed_at) VALUES ('l1', 'worker', 'GRID_WORKER', 'p1', '510116001001001001', 'idNumber', '入户走访', '2024-03-06 08:00:00')",
    );
    await logged.dataSource.destroy();

    const after = await openDatabase({ url, entities: peopleSubgraph.entities, migrations: peopleSubgraph.migrations });
    try {
      const [person] = await after.dataSource.query(
        "SELECT document_type, residency_since, status_since, status_reason, building_id, room FROM person WHERE id = 'p1'",
      );
      expect(person).toEqual({
        document_type: 'RESIDENT_ID_CARD',
        residency_since: '2024-03-05',
        status_since: '2024-03-05',
        status_reason: null,
        building_id: null,
        room: null,
      });
      const [tag] = await after.dataSource.query("SELECT code, occupation FROM person_tag WHERE id = 't1'");
      expect(tag).toEqual({ code: 'EMPTY_NEST_ELDER', occupation: null });
      const [household] = await after.dataSource.query("SELECT address, building_id FROM household WHERE id = 'h1'");
      expect(household).toEqual({ address: '1栋101', building_id: null });
      const catalogue = await after.dataSource.query(
        'SELECT code, label, needs_occupation, is_sensitive FROM tag_definition ORDER BY code',
      );
      expect(catalogue).toHaveLength(8);
      expect(
        catalogue
          .filter((row: { is_sensitive: number }) => row.is_sensitive === 1)
          .map((row: { code: string }) => row.code),
      ).toEqual(['DISABLED', 'KEY_CONCERN', 'LOW_INCOME']);
      expect(catalogue.find((row: { code: string }) => row.code === 'NEW_EMPLOYMENT_WORKER')).toMatchObject({
        label: '新就业形态劳动者',
        needs_occupation: 1,
      });
      // One person, one record still holds after the table was rebuilt.
      const duplicate = await after.dataSource
        .query(
          "INSERT INTO person (id, name, id_number, gender, birth_date, residency_type, grid_id, area_code, status, registered_at) VALUES ('p2', '李四', '11010519491231002X', 'MALE', '1949-12-31', 'REGISTERED', 'g1', '510116001001001001', 'ACTIVE', '2024-03-05 08:00:00')",
        )
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isUniqueViolation(duplicate)).toBe(true);
      const [read] = await after.dataSource.query(
        "SELECT purpose, note, self_access FROM pii_access_log WHERE id = 'l1'",
      );
      expect(read).toEqual({ purpose: '入户走访', note: null, self_access: 0 });

      const runner = after.dataSource.createQueryRunner();
      try {
        const tagIndexes = async () => (await runner.getTable('person_tag'))?.indices.map((index) => index.name) ?? [];
        await after.dataSource.undoLastMigration({ transaction: 'each' });
        expect((await runner.getTable('tag_definition'))?.columns.map((column) => column.name)).not.toContain(
          'is_sensitive',
        );
        expect((await runner.getTable('pii_access_log'))?.columns.map((column) => column.name)).not.toContain('note');
        expect(await tagIndexes()).toContain('idx_person_tag_counts');
        expect(await tagIndexes()).not.toContain('idx_person_tag_area');
        await after.dataSource.undoLastMigration({ transaction: 'each' });
        expect(await tagIndexes()).toContain('idx_person_tag_area');
        expect(await tagIndexes()).not.toContain('idx_person_tag_counts');
        await after.dataSource.undoLastMigration({ transaction: 'each' });
        expect((await runner.getTable('pii_access_log'))?.columns.map((column) => column.name)).not.toContain(
          'self_access',
        );
        const [kept] = await after.dataSource.query("SELECT purpose FROM pii_access_log WHERE id = 'l1'");
        expect(kept).toEqual({ purpose: '入户走访' });
        await after.dataSource.undoLastMigration({ transaction: 'each' });
        expect((await runner.getTable('person'))?.columns.map((column) => column.name)).not.toContain('document_type');
        expect(await runner.hasTable('tag_definition')).toBe(false);
      } finally {
        await runner.release();
      }
      const [kept] = await after.dataSource.query("SELECT name, status FROM person WHERE id = 'p1'");
      expect(kept).toEqual({ name: '王芳', status: 'ACTIVE' });
    } finally {
      await after.dataSource.destroy();
    }
  });
});
