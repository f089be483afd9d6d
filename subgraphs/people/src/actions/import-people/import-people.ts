import { In } from 'typeorm';
import { userError, type UserError } from '../../../../kit/src/errors.js';
import type { Problem } from '../../../../kit/src/problems.js';
import { inScope } from '../../../../kit/src/scope.js';
import { shanghaiToday, storedNow } from '../../../../kit/src/time.js';
import { inTransaction, isUniqueViolation } from '../../../../kit/src/transaction.js';
import type { Context } from '../../context.js';
import { readsNames, requireWrite } from '../../domain/access.js';
import { isoDate } from '../../domain/dates.js';
import {
  decideRow,
  duplicateInFileProblem,
  duplicateRows,
  type CheckedRow,
  type ImportMode,
  type RowDecision,
} from '../../domain/import-plan.js';
import { readImportRow } from '../../domain/import-values.js';
import { checkPersonRecord } from '../../domain/person-record.js';
import { checkPlacement, namesPlace, normalisePlacement } from '../../domain/placement.js';
import type { HeldTag, TagCatalogue } from '../../domain/tags.js';
import { Person, type PersonEntity } from '../../entities/person.js';
import { PersonTag } from '../../entities/person-tag.js';
import type { PersonImportRow } from '../../generated/resolvers.js';
import { factsFor, lookUpPlaces } from '../../graph/places.js';
import type { PersonImportResultModel } from '../../mappers.js';
import { importWrites, writeImport } from './write-import.js';

export const MAX_IMPORT_ROWS = 1000;
/** A racing registration of one of the batch's numbers makes the batch read again and decide again. */
const ATTEMPTS = 3;

export interface ImportPeopleResult {
  results: PersonImportResultModel[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  userErrors: UserError[];
}

/** Two problems of the same code on the same field say the same thing once. */
function distinct(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code}|${problem.field}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each row on its own: its values, its record, its place (asked of the graph in chunks, for the batch at once). */
async function checkRows(
  context: Context,
  rows: readonly PersonImportRow[],
  catalogue: TagCatalogue,
): Promise<CheckedRow[]> {
  const today = shanghaiToday();
  const read = rows.map((row) => readImportRow(row, catalogue));
  const places = read.map((row) => normalisePlacement(row.placement));
  const facts = await lookUpPlaces(context, {
    gridIds: places.flatMap((place) => (place.gridId !== null ? [place.gridId] : [])),
    gridCodes: places.flatMap((place) => (place.gridId === null && place.gridCode !== null ? [place.gridCode] : [])),
    buildingIds: places.flatMap((place) => (place.buildingId !== null ? [place.buildingId] : [])),
  });
  return read.map((row, index) => {
    const checked = checkPersonRecord(row.request, catalogue, today);
    const placementGiven = namesPlace(row.placement);
    const located = placementGiven
      ? checkPlacement(row.placement, factsFor(places[index]!, facts), (areaCode) => inScope(context.viewer, areaCode))
      : { placement: null, problems: [] };
    return {
      rowNumber: rows[index]?.rowNumber ?? index + 1,
      record: checked.record,
      placement: located.placement,
      placementGiven,
      problems: distinct([...row.problems, ...checked.problems, ...located.problems]),
    };
  });
}

/** The stored records holding the batch's numbers, with their current tags: two statements, whatever the batch. */
async function existingRecords(
  context: Context,
  numbers: string[],
): Promise<Map<string, { person: PersonEntity; tags: HeldTag[] }>> {
  if (!numbers.length) return new Map();
  const { dataSource } = context.db;
  // Not scoped: a number held outside the viewer's scope is still taken.
  const people = await dataSource.getRepository(Person).findBy({ idNumber: In(numbers) });
  const tags = people.length
    ? await dataSource
        .getRepository(PersonTag)
        .createQueryBuilder('tag')
        .where({ personId: In(people.map((person) => person.id)) })
        .andWhere('tag.until IS NULL')
        .getMany()
    : [];
  return new Map(
    people.map((person) => [person.idNumber, { person, tags: tags.filter((tag) => tag.personId === person.id) }]),
  );
}

function decide(
  context: Context,
  rows: CheckedRow[],
  existing: Map<string, { person: PersonEntity; tags: HeldTag[] }>,
  mode: ImportMode,
): RowDecision<PersonEntity>[] {
  const duplicates = duplicateRows(
    rows.map((row) => ({ rowNumber: row.rowNumber, idNumber: row.record?.idNumber ?? null })),
  );
  const visible = (person: PersonEntity) => readsNames(context.viewer) && inScope(context.viewer, person.areaCode);
  return rows.map((row, index) => {
    const first = duplicates.get(index);
    if (first !== undefined) return { kind: 'FAILED', problems: [...row.problems, duplicateInFileProblem(first)] };
    const held = row.record ? existing.get(row.record.idNumber) : undefined;
    return decideRow(row, held, mode, held ? visible(held.person) : false);
  });
}

function summarise(
  rows: CheckedRow[],
  decisions: RowDecision<PersonEntity>[],
  people: (PersonEntity | null)[],
): ImportPeopleResult {
  const outcome = { CREATE: 'CREATED', UPDATE: 'UPDATED', UNCHANGED: 'UNCHANGED', FAILED: 'FAILED' } as const;
  const results = decisions.map((decision, index) => ({
    rowNumber: rows[index]!.rowNumber,
    outcome: outcome[decision.kind],
    person: people[index] ?? null,
    userErrors:
      decision.kind === 'FAILED'
        ? decision.problems.map((problem) =>
            userError(problem.code, problem.message, problem.field ? [problem.field] : undefined),
          )
        : [],
  }));
  const count = (kind: PersonImportResultModel['outcome']) =>
    results.filter((result) => result.outcome === kind).length;
  return {
    results,
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    failed: count('FAILED'),
    userErrors: [],
  };
}

/**
 * Imports a batch: each row is checked on its own, the valid ones are written together
 * in one transaction of multi-row statements, and every row gets its outcome. A batch
 * that meets a number registered meanwhile reads the register again and decides again.
 */
export async function importPeople(
  context: Context,
  rows: readonly PersonImportRow[],
  mode: ImportMode,
): Promise<ImportPeopleResult> {
  requireWrite(context.viewer);
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      results: [],
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      userErrors: [userError('TOO_MANY_ROWS', `每次最多导入 ${MAX_IMPORT_ROWS} 行，本次 ${rows.length} 行`, ['rows'])],
    };
  }
  const checked = await checkRows(context, rows, await context.loaders.tagCatalogue());
  const numbers = [...new Set(checked.flatMap((row) => (row.record ? [row.record.idNumber] : [])))];
  for (let attempt = 1; ; attempt += 1) {
    const decisions = decide(context, checked, await existingRecords(context, numbers), mode);
    const now = storedNow();
    const { writes, result } = importWrites(decisions, now, isoDate(shanghaiToday()), context.viewer);
    try {
      if (writes.created.length || writes.updated.length)
        await inTransaction(context.db, (manager) => writeImport(manager, writes, now));
      for (const person of writes.updated) context.loaders.personById.clear(person.id);
      return summarise(checked, decisions, result);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
