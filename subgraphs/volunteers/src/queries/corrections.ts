import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { paginate } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { CorrectionRequest } from '../entities/correction-request.js';
import type { QueryCorrectionRequestsArgs } from '../generated/resolvers.js';

/** `Query.correctionRequests`: correction requests on records served inside the viewer's scope, an organiser's inbox. */
export function correctionsUnder({ viewer, db }: Context, { filter, first, after }: QueryCorrectionRequestsArgs) {
  requireVolunteerRead(viewer);
  const area = parseAreaCodeArgument('areaCode', filter?.areaCode);
  const qb = db.dataSource.getRepository(CorrectionRequest).createQueryBuilder('correction');
  whereInScope(qb, narrowScope(viewer, area), 'correction.areaCode');
  if (filter?.status) qb.andWhere('correction.status = :status', { status: filter.status });
  return paginate(qb, { first, after }, { alias: 'correction' });
}
