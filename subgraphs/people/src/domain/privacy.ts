/**
 * PIPL (art. 28, 51, 55): document numbers, phones and exact birth dates are personal
 * data served masked. They are served in full only to a viewer holding both `person:read`
 * and `pii:read` who declares why, or to the person themselves (art. 45, the right to
 * consult one's own data); every such read is logged.
 */
export type PiiField = 'idNumber' | 'phone' | 'birthDate';

export const PII_FIELDS: readonly PiiField[] = ['idNumber', 'phone', 'birthDate'];

export const MAX_PURPOSE_LENGTH = 200;

/** The purpose a person's read of their own record is logged with: they need not declare one. */
export const SELF_ACCESS_PURPOSE = '本人查阅';

/** A declared purpose worth logging: trimmed, 2 to 200 characters; anything else is none. */
export function normalisePurpose(purpose: string | null | undefined): string | null {
  const trimmed = purpose?.trim() ?? '';
  return trimmed.length >= 2 && trimmed.length <= MAX_PURPOSE_LENGTH ? trimmed : null;
}

/** The purpose under which a read unmasks, or null: no permission or no purpose, no unmasking. */
export function unmaskingPurpose(permissions: ReadonlySet<string>, declared: string | null | undefined): string | null {
  if (!permissions.has('person:read') || !permissions.has('pii:read')) return null;
  return normalisePurpose(declared);
}

/** How an unmasked read is logged: the purpose, and whether the person read their own record. */
export interface Unmasking {
  purpose: string;
  selfAccess: boolean;
}

/**
 * Whether a read unmasks, and how it is logged. One's own record always unmasks, as a
 * self-access with a fixed purpose (a purpose declared with it is not asked for and not
 * kept); anyone else's needs `person:read`, `pii:read` and a declared purpose.
 */
export function unmasking(
  permissions: ReadonlySet<string>,
  ownRecord: boolean,
  declared: string | null | undefined,
): Unmasking | null {
  if (ownRecord) return { purpose: SELF_ACCESS_PURPOSE, selfAccess: true };
  const purpose = unmaskingPurpose(permissions, declared);
  return purpose ? { purpose, selfAccess: false } : null;
}
