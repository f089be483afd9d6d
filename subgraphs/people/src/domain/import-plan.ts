import type { DocumentType, Gender, PersonStatus, ResidencyType } from './enums.js';
import type { Problem } from '../../../kit/src/problems.js';
import type { PersonRecord } from './person-record.js';
import type { Placement } from './placement.js';
import { planTagChanges, type HeldTag, type WantedTag } from './tags.js';

export type ImportMode = 'CREATE_ONLY' | 'UPSERT';

/** What an import compares a row with: the stored record holding its number. */
export interface RegisteredPerson {
  id: string;
  name: string;
  documentType: DocumentType;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  residencyType: ResidencyType;
  residencySince: string | null;
  residencyUntil: string | null;
  gridId: string;
  buildingId: string | null;
  room: string | null;
  status: PersonStatus;
}

/** A row after its own checks: the record, where it places the person (when it says). */
export interface CheckedRow {
  rowNumber: number;
  record: PersonRecord | null;
  /** Null when the row names no place (allowed for an existing person) or the place failed. */
  placement: Placement | null;
  placementGiven: boolean;
  problems: Problem[];
}

/** The fields an import may change on an existing record. */
export type PersonChanges = Partial<
  Pick<RegisteredPerson, 'name' | 'phone' | 'residencyType' | 'residencySince' | 'residencyUntil'>
>;

export type RowDecision<P extends RegisteredPerson = RegisteredPerson> =
  | { kind: 'FAILED'; problems: Problem[] }
  | { kind: 'CREATE'; record: PersonRecord; placement: Placement }
  | { kind: 'UNCHANGED'; person: P }
  | {
      kind: 'UPDATE';
      person: P;
      changes: PersonChanges;
      tags: { close: HeldTag[]; open: WantedTag[] } | null;
      moveTo: Placement | null;
    };

const failed = (...problems: Problem[]): { kind: 'FAILED'; problems: Problem[] } => ({ kind: 'FAILED', problems });

/** The fields of `record` that differ from the stored person; a field the row leaves empty is kept. */
export function personChanges(person: RegisteredPerson, record: PersonRecord): PersonChanges {
  const changes: PersonChanges = {};
  if (record.name !== person.name) changes.name = record.name;
  if (record.phone !== null && record.phone !== person.phone) changes.phone = record.phone;
  if (record.residencyType !== null && record.residencyType !== person.residencyType)
    changes.residencyType = record.residencyType;
  if (record.residencySince !== null && record.residencySince !== person.residencySince)
    changes.residencySince = record.residencySince;
  if (record.residencyUntil !== null && record.residencyUntil !== person.residencyUntil)
    changes.residencyUntil = record.residencyUntil;
  return changes;
}

function identityConflict(person: RegisteredPerson, record: PersonRecord): Problem | null {
  if (
    person.documentType === record.documentType &&
    person.gender === record.gender &&
    person.birthDate === record.birthDate
  )
    return null;
  return {
    code: 'IDENTITY_MISMATCH',
    field: 'idNumber',
    message: '证件类型、性别或出生日期与该证件号已登记的记录不符，请核对',
  };
}

const movesFrom = (person: RegisteredPerson, to: Placement | null) =>
  to !== null && (person.gridId !== to.gridId || person.buildingId !== to.buildingId || person.room !== to.room);

/**
 * What to do with one row: create a record, leave an existing one as it is, update it, or
 * refuse the row. `existing` is the record holding the row's number, and `visible` says
 * whether the viewer may see it (only then is it named or changed).
 */
export function decideRow<P extends RegisteredPerson>(
  row: CheckedRow,
  existing: { person: P; tags: HeldTag[] } | undefined,
  mode: ImportMode,
  visible: boolean,
): RowDecision<P> {
  if (row.problems.length || !row.record) return failed(...row.problems);
  const { record } = row;
  if (!existing) {
    if (!row.placement)
      return failed({ code: 'GRID_NOT_FOUND', field: 'gridCode', message: '新登记人员须填写居住网格或楼栋' });
    return { kind: 'CREATE', record, placement: row.placement };
  }
  const { person } = existing;
  if (!visible)
    return failed({
      code: 'DUPLICATE_ID_NUMBER',
      field: 'idNumber',
      message: '该身份证号已登记，已有记录不在您的查看范围内',
    });
  const conflict = identityConflict(person, record);
  if (conflict) return failed(conflict);

  const changes = personChanges(person, record);
  const tagPlan = record.tags
    ? planTagChanges(
        existing.tags,
        record.tags.map((tag) => ({ ...tag, since: null })),
      )
    : null;
  const tagsChange = tagPlan !== null && (tagPlan.close.length > 0 || tagPlan.open.length > 0);
  const moveTo = movesFrom(person, row.placement) ? row.placement : null;
  if (!Object.keys(changes).length && !tagsChange && !moveTo) return { kind: 'UNCHANGED', person };

  if (mode === 'CREATE_ONLY') {
    return failed({
      code: 'DUPLICATE_ID_NUMBER',
      field: 'idNumber',
      message: `该身份证号已登记（记录 ${person.id}），与本行内容不同；如需更新请使用 UPSERT 模式`,
    });
  }
  if (person.status !== 'ACTIVE')
    return failed({ code: 'PERSON_NOT_ACTIVE', field: 'idNumber', message: '该人员已迁出或死亡，不能通过导入修改' });
  return { kind: 'UPDATE', person, changes, tags: tagsChange ? tagPlan : null, moveTo };
}

/** Later rows with a number an earlier row of the same batch has: refused, naming the first. */
export function duplicateRows(rows: readonly { rowNumber: number; idNumber: string | null }[]): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  rows.forEach((row, index) => {
    if (!row.idNumber) return;
    const earlier = first.get(row.idNumber);
    if (earlier === undefined) first.set(row.idNumber, row.rowNumber);
    else duplicates.set(index, earlier);
  });
  return duplicates;
}

export function duplicateInFileProblem(firstRowNumber: number): Problem {
  return { code: 'DUPLICATE_IN_FILE', field: 'idNumber', message: `与第 ${firstRowNumber} 行的证件号码重复` };
}
