import type { SubgraphRuntime } from '../../../kit/src/service.js';
import type { Context } from '../context.js';
import { isOwnRecord } from '../domain/access.js';
import { unmasking, type PiiField } from '../domain/privacy.js';
import type { PersonEntity } from '../entities/person.js';

/** The purpose declared in the `x-access-purpose` header (the gateway forwards it). */
export function headerPurpose(runtime: SubgraphRuntime): string | null {
  const value = runtime.accessPurpose;
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A personal field as the viewer may see it: masked, or in full once the read has been
 * logged, when the viewer holds `pii:read` and declared a purpose (the argument first,
 * else the header), or reads their own record (logged as a self-access).
 */
export function revealed(
  context: Context,
  person: PersonEntity,
  field: PiiField,
  declared: string | null | undefined,
  full: string,
  masked: string,
): string | Promise<string> {
  const read = unmasking(
    context.viewer.permissions,
    isOwnRecord(context.viewer, person.id),
    declared ?? headerPurpose(context.runtime),
  );
  // Masked values answer at once: a promise per field per row is what graphql-js pays most
  // for when a page of residents is listed.
  if (!read) return masked;
  return context.loaders.piiLog
    .load({ personId: person.id, areaCode: person.areaCode, field, ...read })
    .then(() => full);
}
