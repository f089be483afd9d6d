import { randomUUID } from 'node:crypto';
import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { addressProblem, HEAD_OF_HOUSEHOLD, notActiveProblem } from '../domain/households.js';
import { Household, type HouseholdEntity } from '../entities/household.js';
import { Person } from '../entities/person.js';
import type { CreateHouseholdInput } from '../generated/resolvers.js';
import { personNotFound, personToWrite, reloaded } from './person-writes.js';

/** Opens a household where its head lives; the head leaves any household they were in. */
export async function createHousehold(
  context: Context,
  input: CreateHouseholdInput,
): Promise<Payload<'household', HouseholdEntity>> {
  const head = await personToWrite(context, input.headPersonId);
  if (!head) return refusedPayload<'household', HouseholdEntity>('household', [personNotFound('headPersonId')]);
  const problems = [
    addressProblem(input.address),
    head.status === 'ACTIVE' ? null : notActiveProblem('headPersonId'),
  ].filter((found) => found !== null);
  if (problems.length) return refusedPayload<'household', HouseholdEntity>('household', problems);
  const household: HouseholdEntity = {
    id: randomUUID(),
    address: input.address.trim(),
    gridId: head.gridId,
    areaCode: head.areaCode,
    buildingId: head.buildingId,
  };
  await inTransaction(context.db, async (manager) => {
    await manager.insert(Household, household);
    await manager.update(Person, { id: head.id }, { householdId: household.id, householdRelation: HEAD_OF_HOUSEHOLD });
  });
  await reloaded(context, head.id);
  return { household, userErrors: [] };
}
