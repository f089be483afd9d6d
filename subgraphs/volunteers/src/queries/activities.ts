import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { paginate } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { Activity } from '../entities/activity.js';
import type { QueryActivitiesArgs } from '../generated/resolvers.js';

/**
 * `Query.activities`: one page of the activities the viewer may see that match a search,
 * by keyset. Both `areaCode` and `filter.areaCode` narrow the scope.
 */
export function searchActivities(
  { viewer, db }: Context,
  { areaCode, filter, orderBy, first, after }: QueryActivitiesArgs,
) {
  requireVolunteerRead(viewer);
  const areaCodes = [
    parseAreaCodeArgument('areaCode', areaCode),
    parseAreaCodeArgument('areaCode', filter?.areaCode),
  ].filter((code): code is string => code !== null);
  const qb = db.dataSource.getRepository(Activity).createQueryBuilder('activity');
  const scoped = areaCodes.reduce((narrowed, code) => narrowScope(narrowed, code), viewer);
  whereInScope(qb, scoped, 'activity.areaCode');
  const statuses = filter?.status ?? [];
  if (filter?.category) qb.andWhere('activity.category = :category', { category: filter.category });
  if (statuses.length) qb.andWhere('activity.status IN (:...statuses)', { statuses: [...statuses] });
  if (filter?.startsFrom) qb.andWhere('activity.startsAt >= :startsFrom', { startsFrom: filter.startsFrom });
  if (filter?.startsBefore) qb.andWhere('activity.startsAt < :startsBefore', { startsBefore: filter.startsBefore });
  const order = orderBy ?? 'ID';
  if (order === 'ID') return paginate(qb, { first, after }, { alias: 'activity' });
  return paginate(
    qb,
    { first, after },
    { alias: 'activity', sortBy: 'startsAt', direction: order === 'STARTS_AT' ? 'ASC' : 'DESC' },
  );
}
