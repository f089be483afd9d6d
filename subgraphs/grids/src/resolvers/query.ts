import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { requirePermission } from '../../../kit/src/auth.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { Area } from '../entities/area.js';
import { areaVisibility } from '../loaders.js';
import { gridsUnder } from '../queries/grids-under.js';
import { locateGrid } from '../queries/locate-grid.js';
import { searchAreas } from '../queries/search-areas.js';

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
  searchAreas: (_, { name, level }, context) => searchAreas(context, name, level),
  grid: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.gridById.load(id);
  },
  gridByCode: (_, { code }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.gridByCode.load(code);
  },
  grids: (_, { areaCode, type, first, after, includeRetired }, context) =>
    gridsUnder(context, parseAreaCodeArgument('areaCode', areaCode), { type, includeRetired }, { first, after }),
  locateGrid: (_, { lng, lat, crs }, context) => locateGrid(context, lng, lat, crs ?? 'GCJ02'),
  building: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.buildingById.load(id);
  },
  gridStaff: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.staffById.load(id);
  },
};
