import { inScope } from '../../../kit/src/scope.js';
import { shanghaiToday, storedNow } from '../../../kit/src/time.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { readsNames, requireWrite } from '../domain/access.js';
import { isoDate } from '../domain/dates.js';
import { checkPersonRecord } from '../domain/person-record.js';
import { duplicateProblem } from '../domain/registration.js';
import { Person } from '../entities/person.js';
import { PersonTag } from '../entities/person-tag.js';
import type { RegisterPersonInput } from '../generated/resolvers.js';
import { resolvePlacement } from '../graph/placement.js';
import { refusedPerson, type PersonPayload } from './person-writes.js';
import { newPersonRows } from './rows.js';

/** The existing record's id when the viewer could read it, else nothing. */
export async function visibleHolderOf(context: Context, idNumber: string): Promise<string | null> {
  const existing = await context.db.dataSource.getRepository(Person).findOneBy({ idNumber });
  if (!existing || !readsNames(context.viewer) || !inScope(context.viewer, existing.areaCode)) return null;
  return existing.id;
}

/**
 * Registers a resident: every problem with the input, the place or the document comes
 * back as a user error, and then nothing is written. Duplicates are found by the unique
 * index as the row is written, so two racing requests cannot both succeed.
 */
export async function registerPerson(context: Context, input: RegisterPersonInput): Promise<PersonPayload> {
  requireWrite(context.viewer);
  const today = shanghaiToday();
  const checked = checkPersonRecord(input, await context.loaders.tagCatalogue(), today);
  const located = await resolvePlacement(context, input);
  const problems = [...checked.problems, ...located.problems];
  if (problems.length || !checked.record || !located.placement) return refusedPerson(problems);

  const { person, tags } = newPersonRows(checked.record, located.placement, storedNow(), isoDate(today));
  try {
    await inTransaction(context.db, async (manager) => {
      await manager.insert(Person, person);
      if (tags.length) await manager.insert(PersonTag, tags);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refusedPerson([duplicateProblem(await visibleHolderOf(context, person.idNumber))]);
  }
  context.loaders.personById.clear(person.id);
  return { person, userErrors: [] };
}
