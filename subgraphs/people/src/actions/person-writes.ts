import { In, type EntityManager } from 'typeorm';
import { problem, refusedPayload, type Payload, type Problem } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireWrite } from '../domain/access.js';
import type { PersonEntity } from '../entities/person.js';
import { PersonTag } from '../entities/person-tag.js';

/** What the person mutations answer: the person as stored, or the user errors and no person. */
export type PersonPayload = Payload<'person', PersonEntity>;

/** A person mutation that wrote nothing, with its user errors. */
export const refusedPerson = (problems: readonly Problem[]): PersonPayload => refusedPayload('person', problems);

export const personNotFound = (field = 'personId'): Problem =>
  problem('PERSON_NOT_FOUND', field, '人员不存在或不在您的管辖范围内');

/**
 * The person a write is about, when the writer's scope covers them, or null. Reading one's
 * own record needs no scope (`isOwnRecord`), but changing it does: a worker's own record
 * outside their scope is refused like anyone else's there.
 */
export async function personToWrite(context: Context, personId: string): Promise<PersonEntity | null> {
  requireWrite(context.viewer);
  const person = await context.loaders.personById.load(personId);
  return person && inScope(context.viewer, person.areaCode) ? person : null;
}

/** Reads the person again after a write, so the payload shows what is stored. */
export async function reloaded(context: Context, personId: string): Promise<PersonEntity | null> {
  context.loaders.personById.clear(personId);
  context.loaders.currentTagsByPerson.clear(personId);
  context.loaders.tagHistoryByPerson.clear(personId);
  context.loaders.movesByPerson.clear(personId);
  return context.loaders.personById.load(personId);
}

/** Puts people's current tags where the people now live: counts by area read tags alone. */
export async function moveCurrentTags(manager: EntityManager, personIds: string[], areaCode: string): Promise<void> {
  if (!personIds.length) return;
  await manager
    .createQueryBuilder()
    .update(PersonTag)
    .set({ areaCode })
    .where({ personId: In(personIds) })
    .andWhere('until IS NULL')
    .execute();
}

/** Closes people's current tags: special-group care ends when someone leaves or dies. */
export async function closeCurrentTags(manager: EntityManager, personIds: string[], until: Date): Promise<void> {
  if (personIds.length)
    await manager
      .createQueryBuilder()
      .update(PersonTag)
      .set({ until })
      .where({ personId: In(personIds) })
      .andWhere('until IS NULL')
      .execute();
}
