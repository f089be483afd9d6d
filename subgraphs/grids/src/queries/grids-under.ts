import { requirePermission } from '../../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { areaPrefix } from '../domain/area-prefix.js';
import type { GridType } from '../domain/enums.js';
import { Grid } from '../entities/grid.js';

/** A page of the grids under an area or grid code, in code order. */
export function gridsUnder(
  context: Context,
  areaCode: string | null,
  filter: { type?: GridType | null; includeRetired?: boolean | null },
  page: PageArgs,
) {
  requirePermission(context.viewer, 'grid:read');
  const qb = context.db.dataSource.getRepository(Grid).createQueryBuilder('grid');
  whereInScope(qb, narrowScope(context.viewer, areaCode === null ? null : areaPrefix(areaCode)), 'grid.code');
  if (filter.type) qb.andWhere('grid.type = :type', { type: filter.type });
  if (!filter.includeRetired) qb.andWhere("grid.status = 'ACTIVE'");
  return paginate(qb, page, { alias: 'grid', sortBy: 'code' });
}
