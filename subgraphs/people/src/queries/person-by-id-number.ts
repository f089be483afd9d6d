import { requirePermission } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import { whereInScope } from '../../../kit/src/scope.js';
import { shanghaiToday } from '../../../kit/src/time.js';
import { requireFullRead } from '../domain/access.js';
import type { Context } from '../context.js';
import { parseDocumentNumber } from '../domain/documents.js';
import { declaredPurpose } from '../domain/privacy.js';
import type { DocumentType } from '../domain/enums.js';
import { Person, type PersonEntity } from '../entities/person.js';

/**
 * An exact lookup by document number. Knowing the number is knowing the person, so the
 * lookup is an unmasked read: it needs `pii:read` and a purpose code of the catalogue
 * (with an optional note), and a hit is logged.
 */
export async function personByIdNumber(
  context: Context,
  args: { idNumber: string; documentType?: DocumentType | null; purpose: string; note?: string | null },
): Promise<PersonEntity | null> {
  requireFullRead(context.viewer);
  requirePermission(context.viewer, 'pii:read');
  const declared = declaredPurpose({ argument: args.purpose, note: args.note });
  if (!declared || 'problem' in declared)
    throw badUserInput(declared?.problem ?? '请选择访问目的代码', declared ? 'note' : 'purpose');
  const parsed = parseDocumentNumber(args.documentType ?? 'RESIDENT_ID_CARD', args.idNumber, shanghaiToday());
  if ('message' in parsed) throw badUserInput(parsed.message, 'idNumber');
  const qb = context.db.dataSource
    .getRepository(Person)
    .createQueryBuilder('person')
    .where('person.idNumber = :idNumber', { idNumber: parsed.idNumber });
  const person = await whereInScope(qb, context.viewer, 'person.areaCode').getOne();
  if (!person) return null;
  await context.loaders.piiLog.load({
    personId: person.id,
    areaCode: person.areaCode,
    field: 'idNumber',
    purpose: declared.purpose,
    note: declared.note,
    selfAccess: false,
  });
  return person;
}
