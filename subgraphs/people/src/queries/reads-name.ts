import { isOwnRecord, readsNames } from '../domain/access.js';
import type { Context } from '../context.js';
import type { PersonEntity } from '../entities/person.js';

/**
 * A member of the viewer's own household (reached through `Person.household.members` of
 * their own record). A resident knows who they live with, so names are shown in full; the
 * members' numbers, phones, tags and homes stay what the viewer's permissions allow.
 */
export async function sharesOwnHousehold(
  context: Context,
  person: Pick<PersonEntity, 'householdId'>,
): Promise<boolean> {
  const { personId } = context.viewer;
  if (!personId || !person.householdId) return false;
  const own = await context.loaders.personById.load(personId);
  return own?.householdId === person.householdId;
}

/** Names in full: with `person:read`, one's own, and those of one's own household. */
export function readsNameOf(
  context: Context,
  person: Pick<PersonEntity, 'id' | 'householdId'>,
): boolean | Promise<boolean> {
  if (readsNames(context.viewer) || isOwnRecord(context.viewer, person.id)) return true;
  return sharesOwnHousehold(context, person);
}
