import type { PersonStatus } from './enums.js';
import { isCalendarDate } from './dates.js';
import type { Problem } from '../../../kit/src/problems.js';
import type { Placement } from './placement.js';

export type MoveKind = 'WITHIN_STREET' | 'ACROSS_STREETS' | 'OUT_OF_REGISTER' | 'INTO_REGISTER';

/** The street (街道) part of an area code: the first nine digits. */
const streetOf = (areaCode: string) => areaCode.slice(0, 9);

/** What kind of move takes a person from where they live to `to` (null: out of the register). */
export function moveKind(from: { areaCode: string; status: PersonStatus }, to: { areaCode: string } | null): MoveKind {
  if (!to) return 'OUT_OF_REGISTER';
  if (from.status === 'MOVED_OUT') return 'INTO_REGISTER';
  return streetOf(from.areaCode) === streetOf(to.areaCode) ? 'WITHIN_STREET' : 'ACROSS_STREETS';
}

/** A move's own problems, apart from where it goes (checked as a placement). */
export function moveProblems(
  person: { status: PersonStatus; birthDate: string },
  move: { hasDestination: boolean; leftFor: string | null; movedOn: string },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (person.status === 'DECEASED')
    problems.push({ code: 'PERSON_DECEASED', field: 'personId', message: '该人员已登记死亡，不能迁移' });
  if (move.hasDestination === (move.leftFor !== null)) {
    problems.push({
      code: 'INVALID_DESTINATION',
      field: 'to',
      message: '请填写迁入的网格或楼栋，或填写迁往何处（二者选一）',
    });
  } else if (!move.hasDestination && person.status === 'MOVED_OUT') {
    problems.push({ code: 'NOT_MOVED', field: 'leftFor', message: '该人员已迁出' });
  }
  if (!isCalendarDate(move.movedOn) || move.movedOn > today || move.movedOn < person.birthDate) {
    problems.push({ code: 'INVALID_DATE', field: 'movedOn', message: '迁移日期应在出生日期之后且不晚于今天' });
  }
  return problems;
}

/** Moving to where one already lives is no move. */
export function isSamePlace(
  person: { status: PersonStatus; gridId: string; buildingId: string | null; room: string | null },
  to: Placement,
): boolean {
  return (
    person.status === 'ACTIVE' &&
    person.gridId === to.gridId &&
    person.buildingId === to.buildingId &&
    person.room === to.room
  );
}

/** Oldest first: by the day of the move, then by when it was recorded. */
export function chronological<T extends { movedOn: string; recordedAt: Date }>(moves: readonly T[]): T[] {
  return [...moves].sort(
    (a, b) => a.movedOn.localeCompare(b.movedOn) || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
}
