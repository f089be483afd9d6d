import {
  type AccessPurposeCode,
  isAccessPurposeCode,
  parseHeaderPurpose,
  parseNote,
  purposeChoices,
  SELF_ACCESS_PURPOSE,
} from './access-purposes.js';

/**
 * PIPL (art. 28, 51, 55): document numbers, phones and exact birth dates are personal
 * data served masked. They are served in full only to a viewer holding both `person:read`
 * and `pii:read` who declares why, with a code of the purpose catalogue
 * (`access-purposes.ts`), or to the person themselves (art. 45, the right to consult one's
 * own data); every such read is logged.
 */
export type PiiField = 'idNumber' | 'phone' | 'birthDate';

export const PII_FIELDS: readonly PiiField[] = ['idNumber', 'phone', 'birthDate'];

export { SELF_ACCESS_PURPOSE };

/** A purpose declared with a catalogue code, and the note that may come with it. */
export interface Declared {
  purpose: AccessPurposeCode;
  note: string | null;
}

/** What a request says about its purpose: the field's arguments first, else the header. */
export interface Declaration {
  /** The `purpose` argument (already an enum value when GraphQL let it through). */
  argument?: string | null;
  note?: string | null;
  /** The `x-access-purpose` header, as sent. */
  header?: string | null;
}

/**
 * The declared purpose: a catalogue code with an optional note, none (nothing declared),
 * or a problem: a header that is not a code, a note that is not readable text, or a note
 * with no code, since free text alone is no purpose.
 */
export function declaredPurpose(declaration: Declaration): Declared | null | { problem: string } {
  const note = parseNote(declaration.note);
  if ('problem' in note) return note;
  if (declaration.argument !== null && declaration.argument !== undefined) {
    if (!isAccessPurposeCode(declaration.argument)) return { problem: `访问目的应为代码之一：${purposeChoices()}` };
    return { purpose: declaration.argument, note: note.note };
  }
  if (declaration.header) {
    const parsed = parseHeaderPurpose(declaration.header);
    if ('problem' in parsed) return parsed;
    return { purpose: parsed.code, note: note.note };
  }
  if (note.note) return { problem: `只有访问说明不能查看完整信息：请选择访问目的代码之一：${purposeChoices()}` };
  return null;
}

/** Whether the viewer may unmask anyone's data at all, given a purpose. */
export function mayUnmask(permissions: ReadonlySet<string>): boolean {
  return permissions.has('person:read') && permissions.has('pii:read');
}

/** The purpose under which a read unmasks, or null: no permission or no purpose, no unmasking. */
export function unmaskingPurpose(permissions: ReadonlySet<string>, declared: Declared | null): Declared | null {
  return mayUnmask(permissions) ? declared : null;
}

/** How an unmasked read is logged: the purpose code, its note, and whether the person read their own record. */
export interface Unmasking {
  purpose: string;
  note: string | null;
  selfAccess: boolean;
}

/**
 * Whether a read unmasks, and how it is logged. One's own record always unmasks, as a
 * self-access with a fixed purpose (a purpose declared with it is not asked for and not
 * kept); anyone else's needs `person:read`, `pii:read` and a declared catalogue purpose.
 */
export function unmasking(
  permissions: ReadonlySet<string>,
  ownRecord: boolean,
  declared: Declared | null,
): Unmasking | null {
  if (ownRecord) return { purpose: SELF_ACCESS_PURPOSE, note: null, selfAccess: true };
  const purpose = unmaskingPurpose(permissions, declared);
  return purpose ? { purpose: purpose.purpose, note: purpose.note, selfAccess: false } : null;
}
