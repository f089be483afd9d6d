import { shanghaiToday, storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isoDate } from '../domain/dates.js';
import { statusChangeProblems } from '../domain/status.js';
import { Person } from '../entities/person.js';
import type { SetPersonStatusInput } from '../generated/resolvers.js';
import {
  closeCurrentTags,
  personNotFound,
  personToWrite,
  reloaded,
  refusedPerson,
  type PersonPayload,
} from './person-writes.js';

/** A death (or the correction of one recorded in error): the record stays, with date and reason. */
export async function setPersonStatus(context: Context, input: SetPersonStatusInput): Promise<PersonPayload> {
  const person = await personToWrite(context, input.personId);
  if (!person) return refusedPerson([personNotFound()]);
  const problems = statusChangeProblems(person, input, isoDate(shanghaiToday()));
  if (problems.length) return refusedPerson(problems);
  await inTransaction(context.db, async (manager) => {
    await manager.update(
      Person,
      { id: person.id },
      { status: input.status, statusSince: input.since, statusReason: input.reason.trim() },
    );
    if (input.status === 'DECEASED') await closeCurrentTags(manager, [person.id], storedNow());
  });
  return { person: await reloaded(context, person.id), userErrors: [] };
}
