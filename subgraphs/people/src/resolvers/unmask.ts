import type { SubgraphRuntime } from '../../../kit/src/service.js';
import { badUserInput } from '../../../kit/src/errors.js';
import type { Context } from '../context.js';
import { isOwnRecord } from '../domain/access.js';
import { declaredPurpose, mayUnmask, type PiiField, unmasking } from '../domain/privacy.js';
import type { PersonEntity } from '../entities/person.js';

/** The `x-access-purpose` header as sent (the gateway forwards it); it should carry a purpose code. */
export function headerPurpose(runtime: SubgraphRuntime): string | null {
  return runtime.accessPurpose || null;
}

/** The arguments of a personal field: a catalogue code and an optional note. */
export interface PurposeArgs {
  purpose?: string | null;
  note?: string | null;
}

/**
 * A personal field as the viewer may see it: masked, or in full once the read has been
 * logged, when the viewer holds `pii:read` and declared a catalogue purpose (the argument
 * first, else the header), or reads their own record (logged as a self-access). A declared
 * purpose that is no code (free text in the header, a note alone) is refused with
 * BAD_USER_INPUT for a viewer whom it would unmask for: no guessing, nothing in full.
 */
export function revealed(
  context: Context,
  person: PersonEntity,
  field: PiiField,
  args: PurposeArgs,
  full: string,
  masked: string,
): string | Promise<string> {
  const own = isOwnRecord(context.viewer, person.id);
  let declared = null;
  if (!own && mayUnmask(context.viewer.permissions)) {
    const parsed = declaredPurpose({ argument: args.purpose, note: args.note, header: headerPurpose(context.runtime) });
    if (parsed && 'problem' in parsed) throw badUserInput(parsed.problem, 'purpose');
    declared = parsed;
  }
  const read = unmasking(context.viewer.permissions, own, declared);
  // Masked values answer at once: a promise per field per row is what graphql-js pays most
  // for when a page of residents is listed.
  if (!read) return masked;
  return context.loaders.piiLog
    .load({ personId: person.id, areaCode: person.areaCode, field, ...read })
    .then(() => full);
}
