import { randomUUID } from 'node:crypto';
import { shanghaiToday } from '../../kit/src/time.js';
import { inTransaction } from '../../kit/src/transaction.js';
import type { Context } from './context.js';
import { isoDate } from './domain/dates.js';
import { isSamePlace, moveKind, moveProblems } from './domain/moves.js';
import type { FieldProblem } from './domain/person-record.js';
import type { Placement } from './domain/placement.js';
import { Person, type PersonEntity } from './entities/person.js';
import { ResidenceMove, type ResidenceMoveEntity } from './entities/residence-move.js';
import type { MovePersonInput } from './generated/resolvers.js';
import { inputErrors, type PersonResult } from './payloads.js';
import { storedNow } from './person-rows.js';
import { closeCurrentTags, moveCurrentTags, personNotFound, personToWrite, reloaded } from './person-writes.js';
import { resolvePlacement } from './placement.js';

/** The row a move is recorded as. */
export function moveRow(person: PersonEntity, to: Placement | null, details: { movedOn: string; leftFor: string | null; reason: string | null; recordedBy: string; recordedAt: Date }): ResidenceMoveEntity {
  return {
    id: randomUUID(),
    personId: person.id,
    areaCode: to?.areaCode ?? person.areaCode,
    kind: moveKind(person, to),
    movedOn: details.movedOn,
    fromGridId: person.gridId,
    fromAreaCode: person.areaCode,
    fromBuildingId: person.buildingId,
    fromRoom: person.room,
    toGridId: to?.gridId ?? null,
    toAreaCode: to?.areaCode ?? null,
    toBuildingId: to?.buildingId ?? null,
    toRoom: to?.room ?? null,
    leftFor: details.leftFor,
    reason: details.reason,
    recordedBy: details.recordedBy,
    recordedAt: details.recordedAt,
  };
}

/**
 * Records a move. Inside the register the person's grid, building and room change (and
 * their current tags follow them); out of it they become MOVED_OUT and their tags close.
 * Either way they leave their household, and the move joins their residence history.
 */
export async function movePerson(context: Context, input: MovePersonInput): Promise<PersonResult> {
  const person = await personToWrite(context, input.personId);
  if (!person) return inputErrors([personNotFound()]);
  const today = isoDate(shanghaiToday());
  const leftFor = input.leftFor?.trim() || null;
  const problems: FieldProblem[] = moveProblems(person, { hasDestination: Boolean(input.to), leftFor, movedOn: input.movedOn }, today);
  let to: Placement | null = null;
  if (input.to) {
    const located = await resolvePlacement(context, input.to);
    problems.push(...located.problems.map((problem) => ({ ...problem, field: `to.${problem.field}` })));
    to = located.placement;
    if (to && isSamePlace(person, to)) problems.push({ code: 'NOT_MOVED', field: 'to', message: '迁入地址与现住址相同' });
  }
  if (problems.length) return inputErrors(problems);

  const recordedAt = storedNow();
  const reason = input.reason?.trim() || null;
  const move = moveRow(person, to, { movedOn: input.movedOn, leftFor, reason, recordedBy: context.viewer.subject, recordedAt });
  await inTransaction(context.db, async (manager) => {
    await manager.insert(ResidenceMove, move);
    const leaveHousehold = { householdId: null, householdRelation: null };
    if (to) {
      const returning = person.status !== 'ACTIVE' ? { status: 'ACTIVE' as const, statusSince: input.movedOn, statusReason: reason ?? '迁回' } : {};
      await manager.update(Person, { id: person.id }, { gridId: to.gridId, areaCode: to.areaCode, buildingId: to.buildingId, room: to.room, ...leaveHousehold, ...returning });
      await moveCurrentTags(manager, [person.id], to.areaCode);
    } else {
      await manager.update(Person, { id: person.id }, { status: 'MOVED_OUT', statusSince: input.movedOn, statusReason: reason ?? `迁往${leftFor}`, ...leaveHousehold });
      await closeCurrentTags(manager, [person.id], recordedAt);
    }
  });
  return { person: await reloaded(context, person.id), userErrors: [] };
}
