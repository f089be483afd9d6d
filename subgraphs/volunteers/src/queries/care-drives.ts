import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { paginate } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { CareDrive } from '../entities/care-drive.js';
import type { QueryCareDrivesArgs } from '../generated/resolvers.js';

/** `Query.careDrives`: drives the viewer may see that match a search, newest first (ids are time-ordered), by keyset. */
export function drivesUnder({ viewer, db }: Context, { filter, first, after }: QueryCareDrivesArgs) {
  requireVolunteerRead(viewer);
  const area = parseAreaCodeArgument('areaCode', filter?.areaCode);
  const statuses = filter?.status ?? [];
  const qb = db.dataSource.getRepository(CareDrive).createQueryBuilder('careDrive');
  whereInScope(qb, narrowScope(viewer, area), 'careDrive.areaCode');
  if (statuses.length) qb.andWhere('careDrive.status IN (:...statuses)', { statuses: [...statuses] });
  if (filter?.targetTag) qb.andWhere('careDrive.targetTag = :targetTag', { targetTag: filter.targetTag });
  return paginate(qb, { first, after }, { alias: 'careDrive', direction: 'DESC' });
}
