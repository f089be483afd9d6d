import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { requirePermission } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import { paginate, type PageArgs } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { PiiAccessLog } from '../entities/pii-access-log.js';
import type { PiiAccessLogFilter } from '../generated/resolvers.js';

/** The access log for auditors (`audit:read`): reads of residents in scope, newest first. */
export function piiAccessLog(context: Context, filter: PiiAccessLogFilter | null | undefined, page: PageArgs) {
  requirePermission(context.viewer, 'audit:read');
  const areaCode = parseAreaCodeArgument('filter.areaCode', filter?.areaCode);
  if (filter?.from && filter.to && filter.from >= filter.to) throw badUserInput('from 必须早于 to', 'filter.from');
  const qb = context.db.dataSource.getRepository(PiiAccessLog).createQueryBuilder('entry');
  whereInScope(qb, narrowScope(context.viewer, areaCode), 'entry.areaCode');
  if (filter?.personId) qb.andWhere('entry.personId = :personId', { personId: filter.personId });
  if (filter?.viewer) qb.andWhere('entry.viewerSubject = :viewerSubject', { viewerSubject: filter.viewer });
  if (filter?.purpose) qb.andWhere('entry.purpose = :purpose', { purpose: filter.purpose });
  if (filter?.selfAccess !== null && filter?.selfAccess !== undefined)
    qb.andWhere('entry.selfAccess = :selfAccess', { selfAccess: filter.selfAccess });
  if (filter?.from) qb.andWhere('entry.accessedAt >= :from', { from: filter.from });
  if (filter?.to) qb.andWhere('entry.accessedAt < :to', { to: filter.to });
  return paginate(qb, page, { alias: 'entry', sortBy: 'accessedAt', direction: 'DESC' });
}
