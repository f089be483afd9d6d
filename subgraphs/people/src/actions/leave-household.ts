import { problem } from '../../../kit/src/problems.js';
import type { Context } from '../context.js';
import { Person } from '../entities/person.js';
import type { LeaveHouseholdInput } from '../generated/resolvers.js';
import { personNotFound, personToWrite, reloaded, refusedPerson, type PersonPayload } from './person-writes.js';

/** Takes a resident out of their household. */
export async function leaveHousehold(context: Context, input: LeaveHouseholdInput): Promise<PersonPayload> {
  const person = await personToWrite(context, input.personId);
  if (!person) return refusedPerson([personNotFound()]);
  if (!person.householdId) return refusedPerson([problem('NOT_IN_HOUSEHOLD', 'personId', '该人员不属于任何户')]);
  await context.db.dataSource
    .getRepository(Person)
    .update({ id: person.id }, { householdId: null, householdRelation: null });
  context.loaders.membersByHousehold.clear(person.householdId);
  return { person: await reloaded(context, person.id), userErrors: [] };
}
