import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { UserError } from '../../kit/src/errors.js';
import { inTransaction } from '../../kit/src/transaction.js';
import type { Context } from './context.js';
import { addressProblem, HEAD_OF_HOUSEHOLD, joinProblems } from './domain/households.js';
import type { FieldProblem } from './domain/person-record.js';
import { Household, type HouseholdEntity } from './entities/household.js';
import { Person, type PersonEntity } from './entities/person.js';
import type { CreateHouseholdInput, JoinHouseholdInput, LeaveHouseholdInput } from './generated/resolvers.js';
import { inputErrors, inputUserErrors, type PersonResult } from './payloads.js';
import { personNotFound, personToWrite, reloaded } from './person-writes.js';

const notActive: FieldProblem = { code: 'PERSON_NOT_ACTIVE', field: 'personId', message: '只有在册（ACTIVE）人员才能入户' };

function householdErrors(problems: FieldProblem[]): { household: null; userErrors: UserError[] } {
  return { household: null, userErrors: inputUserErrors(problems) };
}

/** Opens a household where its head lives; the head leaves any household they were in. */
export async function createHousehold(context: Context, input: CreateHouseholdInput): Promise<{ household: HouseholdEntity | null; userErrors: UserError[] }> {
  const head = await personToWrite(context, input.headPersonId);
  if (!head) return householdErrors([personNotFound('headPersonId')]);
  const problems = [addressProblem(input.address), head.status === 'ACTIVE' ? null : { ...notActive, field: 'headPersonId' }].filter((problem): problem is FieldProblem => problem !== null);
  if (problems.length) return householdErrors(problems);
  const household: HouseholdEntity = { id: randomUUID(), address: input.address.trim(), gridId: head.gridId, areaCode: head.areaCode, buildingId: head.buildingId };
  await inTransaction(context.db, async (manager) => {
    await manager.insert(Household, household);
    await manager.update(Person, { id: head.id }, { householdId: household.id, householdRelation: HEAD_OF_HOUSEHOLD });
  });
  await reloaded(context, head.id);
  return { household, userErrors: [] };
}

/** The household's members as the transaction sees them; on MySQL the household row is locked so two heads cannot race in. */
async function lockedMembers(context: Context, manager: EntityManager, householdId: string): Promise<PersonEntity[]> {
  if (context.db.kind === 'mysql') await manager.createQueryBuilder(Household, 'household').setLock('pessimistic_write').where({ id: householdId }).getOne();
  return manager.getRepository(Person).findBy({ householdId });
}

/** Puts a resident in a household; a person belongs to one household at a time. */
export async function joinHousehold(context: Context, input: JoinHouseholdInput): Promise<PersonResult> {
  const person = await personToWrite(context, input.personId);
  const household = await context.loaders.householdById.load(input.householdId);
  if (!person || !household) return inputErrors([person ? { code: 'HOUSEHOLD_NOT_FOUND', field: 'householdId', message: '户不存在或不在您的管辖范围内' } : personNotFound()]);
  const problems: FieldProblem[] = [];
  if (person.status !== 'ACTIVE') problems.push(notActive);
  if (person.areaCode !== household.areaCode) problems.push({ code: 'HOUSEHOLD_NOT_AT_RESIDENCE', field: 'householdId', message: '该户不在此人现居网格，请先登记迁移' });
  const relation = input.relation.trim();
  const refused = await inTransaction(context.db, async (manager) => {
    const all = [...problems, ...joinProblems(relation, await lockedMembers(context, manager, household.id), person.id)];
    if (!all.length) await manager.update(Person, { id: person.id }, { householdId: household.id, householdRelation: relation });
    return all;
  });
  if (refused.length) return inputErrors(refused);
  context.loaders.membersByHousehold.clear(household.id);
  return { person: await reloaded(context, person.id), userErrors: [] };
}

export async function leaveHousehold(context: Context, input: LeaveHouseholdInput): Promise<PersonResult> {
  const person = await personToWrite(context, input.personId);
  if (!person) return inputErrors([personNotFound()]);
  if (!person.householdId) return inputErrors([{ code: 'NOT_IN_HOUSEHOLD', field: 'personId', message: '该人员不属于任何户' }]);
  await context.db.dataSource.getRepository(Person).update({ id: person.id }, { householdId: null, householdRelation: null });
  context.loaders.membersByHousehold.clear(person.householdId);
  return { person: await reloaded(context, person.id), userErrors: [] };
}
