import { paginate } from '../../../kit/src/connection.js';
import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import { requirePermission } from '../../../kit/src/auth.js';
import { Area } from '../entities/area.js';
import { Grid } from '../entities/grid.js';
import { areaVisibility } from '../loaders.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import type { Context } from '../context.js';
import type { GridType } from '../entities/grid.js';

export function gridsUnder(context: Context, areaCode: string | null, type: GridType | null | undefined, page: { first?: number | null; after?: string | null }) {
  requirePermission(context.viewer, 'grid:read');
  const qb = context.db.dataSource.getRepository(Grid).createQueryBuilder('grid');
  whereInScope(qb, narrowScope(context.viewer, areaCode), 'grid.code');
  if (type) qb.andWhere('grid.type = :type', { type });
  qb.andWhere("grid.status = 'ACTIVE'");
  return paginate(qb, page, { alias: 'grid', sortBy: 'code' });
}

export const Query: QueryResolvers = {
  area: (_, { code }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.areaByCode.load(parseAreaCodeArgument('code', code) ?? '');
  },
  areas: (_, { level, parentCode }, context) => {
    requirePermission(context.viewer, 'grid:read');
    const parent = parseAreaCodeArgument('parentCode', parentCode);
    if (parent && !level) return context.loaders.areasByParent.load(parent);
    const qb = context.db.dataSource.getRepository(Area).createQueryBuilder('area').orderBy('area.code', 'ASC');
    areaVisibility(context.viewer)(qb, 'area');
    if (level) qb.andWhere('area.level = :level', { level });
    if (parent) qb.andWhere('area.parentCode = :parent', { parent });
    return qb.getMany();
  },
  grid: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.gridById.load(id);
  },
  gridByCode: (_, { code }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.gridByCode.load(code);
  },
  grids: (_, { areaCode, type, first, after }, context) =>
    gridsUnder(context, parseAreaCodeArgument('areaCode', areaCode), type, { first, after }),
  gridStaff: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.staffById.load(id);
  },
};
