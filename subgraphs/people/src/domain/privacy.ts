/**
 * PIPL (art. 28, 51, 55): document numbers, phones and exact birth dates are personal
 * data served masked. They are served in full only to a viewer holding both `person:read`
 * and `pii:read` who declares why; every such read is logged.
 */
export type PiiField = 'idNumber' | 'phone' | 'birthDate';

export const PII_FIELDS: readonly PiiField[] = ['idNumber', 'phone', 'birthDate'];

export const MAX_PURPOSE_LENGTH = 200;

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
