import { problem, type Problem } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { lockRow } from '../../../kit/src/sql.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { joinProblems, notActiveProblem } from '../domain/households.js';
import { Household } from '../entities/household.js';
import { Person } from '../entities/person.js';
import type { JoinHouseholdInput } from '../generated/resolvers.js';
import { personNotFound, personToWrite, reloaded, refusedPerson, type PersonPayload } from './person-writes.js';

/** Puts a resident in a household; a person belongs to one household at a time. */
export async function joinHousehold(context: Context, input: JoinHouseholdInput): Promise<PersonPayload> {
  const person = await personToWrite(context, input.personId);
  const found = await context.loaders.householdById.load(input.householdId);
  // The viewer's own household reads without scope; writing into it needs scope like any other.
  const household = found && inScope(context.viewer, found.areaCode) ? found : null;
  if (!person || !household)
    return refusedPerson([
      person ? problem('HOUSEHOLD_NOT_FOUND', 'householdId', '户不存在或不在您的管辖范围内') : personNotFound(),
    ]);
  const problems: Problem[] = [];
  if (person.status !== 'ACTIVE') problems.push(notActiveProblem());
  if (person.areaCode !== household.areaCode)
    problems.push(problem('HOUSEHOLD_NOT_AT_RESIDENCE', 'householdId', '该户不在此人现居网格，请先登记迁移'));
  const relation = input.relation.trim();
  const refused = await inTransaction(context.db, async (manager) => {
    // The household's row lock (MySQL) keeps two heads from racing in.
    await lockRow(manager, context.db, Household, household.id);
    const members = await manager.getRepository(Person).findBy({ householdId: household.id });
    const all = [...problems, ...joinProblems(relation, members, person.id)];
    if (!all.length)
      await manager.update(Person, { id: person.id }, { householdId: household.id, householdRelation: relation });
    return all;
  });
  if (refused.length) return refusedPerson(refused);
  context.loaders.membersByHousehold.clear(household.id);
  return { person: await reloaded(context, person.id), userErrors: [] };
}
