import { In, type EntityManager, type EntitySchema, type ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../../../kit/src/auth.js';
import type { RowDecision } from '../../domain/import-plan.js';
import { Person, type PersonEntity } from '../../entities/person.js';
import { PersonTag, type PersonTagEntity } from '../../entities/person-tag.js';
import { ResidenceMove, type ResidenceMoveEntity } from '../../entities/residence-move.js';
import { moveRow, newPersonRows, newTagRow } from '../rows.js';
import { bulkInsert } from '../../../../kit/src/bulk-insert.js';

/** Rows per multi-row statement: well inside SQLite's 32,766 and MySQL's 65,535 placeholders. */
const ROWS_PER_STATEMENT = 1000;

/** The columns an import may change on an existing person (an UPSERT's update list). */
const UPDATED_COLUMNS: (keyof PersonEntity & string)[] = [
  'name',
  'phone',
  'residencyType',
  'residencySince',
  'residencyUntil',
  'gridId',
  'areaCode',
  'buildingId',
  'room',
  'householdId',
  'householdRelation',
];

export interface ImportWrites {
  created: PersonEntity[];
  updated: PersonEntity[];
  tags: PersonTagEntity[];
  closedTagIds: string[];
  moves: ResidenceMoveEntity[];
  /** Person id → the area code their current tags move to. */
  tagAreas: Map<string, string>;
}

/** Turns a batch's decisions into rows; the person each row ends with is in `result`. */
export function importWrites(
  decisions: readonly RowDecision<PersonEntity>[],
  now: Date,
  today: string,
  viewer: Viewer,
): { writes: ImportWrites; result: (PersonEntity | null)[] } {
  const writes: ImportWrites = { created: [], updated: [], tags: [], closedTagIds: [], moves: [], tagAreas: new Map() };
  const apply = (decision: RowDecision<PersonEntity>): PersonEntity | null => {
    switch (decision.kind) {
      case 'FAILED':
        return null;
      case 'UNCHANGED':
        return decision.person;
      case 'CREATE': {
        const { person, tags } = newPersonRows(decision.record, decision.placement, now, today);
        writes.created.push(person);
        writes.tags.push(...tags);
        return person;
      }
      case 'UPDATE': {
        const { person, moveTo } = decision;
        const updated: PersonEntity = { ...person, ...decision.changes };
        if (moveTo) {
          writes.moves.push(
            moveRow(person, moveTo, {
              movedOn: today,
              leftFor: null,
              reason: '批量导入更新住址',
              recordedBy: viewer.subject,
              recordedAt: now,
            }),
          );
          Object.assign(updated, {
            gridId: moveTo.gridId,
            areaCode: moveTo.areaCode,
            buildingId: moveTo.buildingId,
            room: moveTo.room,
            householdId: null,
            householdRelation: null,
          });
          writes.tagAreas.set(person.id, moveTo.areaCode);
        }
        writes.updated.push(updated);
        writes.closedTagIds.push(...(decision.tags?.close.map((tag) => tag.id) ?? []));
        writes.tags.push(...(decision.tags?.open.map((tag) => newTagRow(updated, tag, now)) ?? []));
        return updated;
      }
    }
  };
  return { writes, result: decisions.map(apply) };
}

function insertChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  rows: T[],
  upsert?: (keyof T & string)[],
): Promise<void> {
  return bulkInsert(manager, entity, rows, { ...(upsert ? { upsert } : {}), rowsPerStatement: ROWS_PER_STATEMENT });
}

async function inChunks(ids: readonly string[], run: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < ids.length; index += ROWS_PER_STATEMENT)
    await run(ids.slice(index, index + ROWS_PER_STATEMENT));
}

/**
 * Writes a batch in multi-row statements: new people, updated people (one upsert), closed
 * tags (one UPDATE), the current tags of moved people (one UPDATE with a CASE), new tags
 * and moves. The number of statements depends on the batch's size in thousands, never on
 * its rows one by one.
 */
export async function writeImport(manager: EntityManager, writes: ImportWrites, now: Date): Promise<void> {
  await insertChunks(manager, Person, writes.created);
  await insertChunks(manager, Person, writes.updated, UPDATED_COLUMNS);
  await inChunks(writes.closedTagIds, (ids) =>
    manager
      .createQueryBuilder()
      .update(PersonTag)
      .set({ until: now })
      .where({ id: In(ids) })
      .execute(),
  );
  await inChunks([...writes.tagAreas.keys()], (ids) =>
    manager.query(
      `UPDATE person_tag SET area_code = CASE person_id ${ids.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE until IS NULL AND person_id IN (${ids.map(() => '?').join(', ')})`,
      [...ids.flatMap((id) => [id, writes.tagAreas.get(id)]), ...ids],
    ),
  );
  await insertChunks(manager, PersonTag, writes.tags);
  await insertChunks(manager, ResidenceMove, writes.moves);
}
