import { GraphQLError } from 'graphql';
import { requirePermission } from '../../kit/src/auth.js';
import { whereInScope } from '../../kit/src/scope.js';
import { shanghaiToday } from '../../kit/src/time.js';
import { requireFullRead } from './access.js';
import type { Context } from './context.js';
import { parseDocumentNumber } from './domain/documents.js';
import { normalisePurpose } from './domain/privacy.js';
import { Person, type DocumentType, type PersonEntity } from './entities/person.js';

function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/**
 * An exact lookup by document number. Knowing the number is knowing the person, so the
 * lookup is an unmasked read: it needs `pii:read` and a purpose, and a hit is logged.
 */
export async function personByIdNumber(context: Context, args: { idNumber: string; documentType?: DocumentType | null; purpose: string }): Promise<PersonEntity | null> {
  requireFullRead(context.viewer);
  requirePermission(context.viewer, 'pii:read');
  const purpose = normalisePurpose(args.purpose);
  if (!purpose) throw badArgument('purpose', '请说明查询目的（2 至 200 个字）');
  const parsed = parseDocumentNumber(args.documentType ?? 'RESIDENT_ID_CARD', args.idNumber, shanghaiToday());
  if ('message' in parsed) throw badArgument('idNumber', parsed.message);
  const qb = context.db.dataSource.getRepository(Person).createQueryBuilder('person').where('person.idNumber = :idNumber', { idNumber: parsed.idNumber });
  const person = await whereInScope(qb, context.viewer, 'person.areaCode').getOne();
  if (!person) return null;
  await context.loaders.piiLog.load({ personId: person.id, areaCode: person.areaCode, field: 'idNumber', purpose, selfAccess: false });
  return person;
}
