import { problem, type Problem } from '../../../kit/src/problems.js';
import { shanghaiToday, storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isoDate } from '../domain/dates.js';
import { isSamePlace, moveProblems } from '../domain/moves.js';
import type { Placement } from '../domain/placement.js';
import { Person } from '../entities/person.js';
import { ResidenceMove } from '../entities/residence-move.js';
import type { MovePersonInput } from '../generated/resolvers.js';
import { resolvePlacement } from '../graph/placement.js';
import {
  closeCurrentTags,
  moveCurrentTags,
  personNotFound,
  personToWrite,
  reloaded,
  refusedPerson,
  type PersonPayload,
} from './person-writes.js';
import { moveRow } from './rows.js';

/**
 * Records a move. Inside the register the person's grid, building and room change (and
 * their current tags follow them); out of it they become MOVED_OUT and their tags close.
 * Either way they leave their household, and the move joins their residence history.
 */
export async function movePerson(context: Context, input: MovePersonInput): Promise<PersonPayload> {
  const person = await personToWrite(context, input.personId);
  if (!person) return refusedPerson([personNotFound()]);
  const today = isoDate(shanghaiToday());
  const leftFor = input.leftFor?.trim() || null;
  const problems: Problem[] = moveProblems(
    person,
    { hasDestination: Boolean(input.to), leftFor, movedOn: input.movedOn },
    today,
  );
  let to: Placement | null = null;
  if (input.to) {
    const located = await resolvePlacement(context, input.to);
    problems.push(...located.problems.map((found) => ({ ...found, field: `to.${found.field}` })));
    to = located.placement;
    if (to && isSamePlace(person, to)) problems.push(problem('NOT_MOVED', 'to', '迁入地址与现住址相同'));
  }
  if (problems.length) return refusedPerson(problems);

  const recordedAt = storedNow();
  const reason = input.reason?.trim() || null;
  const move = moveRow(person, to, {
    movedOn: input.movedOn,
    leftFor,
    reason,
    recordedBy: context.viewer.subject,
    recordedAt,
  });
  await inTransaction(context.db, async (manager) => {
    await manager.insert(ResidenceMove, move);
    const leaveHousehold = { householdId: null, householdRelation: null };
    if (to) {
      const returning =
        person.status !== 'ACTIVE'
          ? { status: 'ACTIVE' as const, statusSince: input.movedOn, statusReason: reason ?? '迁回' }
          : {};
      await manager.update(
        Person,
        { id: person.id },
        {
          gridId: to.gridId,
          areaCode: to.areaCode,
          buildingId: to.buildingId,
          room: to.room,
          ...leaveHousehold,
          ...returning,
        },
      );
      await moveCurrentTags(manager, [person.id], to.areaCode);
    } else {
      await manager.update(
        Person,
        { id: person.id },
        {
          status: 'MOVED_OUT',
          statusSince: input.movedOn,
          statusReason: reason ?? `迁往${leftFor}`,
          ...leaveHousehold,
        },
      );
      await closeCurrentTags(manager, [person.id], recordedAt);
    }
  });
  return { person: await reloaded(context, person.id), userErrors: [] };
}
