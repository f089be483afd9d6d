import { parseAreaCodeArgument, parseExactAreaCode } from '../../../kit/src/area-code.js';
import { requirePermission } from '../../../kit/src/auth.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { listAreas } from '../queries/areas.js';
import { gridsUnder } from '../queries/grids-under.js';
import { locateGrid } from '../queries/locate-grid.js';
import { searchAreas } from '../queries/search-areas.js';
import { serviceStationsNear } from '../queries/service-stations-near.js';
import { STATION_AUDIENCES, STATION_SERVICES } from '../domain/station-catalogue.js';

export const Query: QueryResolvers = {
  area: (_, { code }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.areaByCode.load(parseExactAreaCode('code', code) ?? '');
  },
  areas: (_, { level, parentCode }, context) => listAreas(context, level, parentCode),
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
  serviceStation: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.stationById.load(id);
  },
  serviceStationsNear: (_, { lng, lat, crs, radiusMeters, first, service, audience, openNow }, context) =>
    serviceStationsNear(context, {
      lng,
      lat,
      crs: crs ?? 'GCJ02',
      radiusMeters: radiusMeters ?? 3000,
      first: first ?? 10,
      service,
      audience,
      openNow,
    }),
  serviceStationCatalogue: (_, __, { viewer }) => {
    requirePermission(viewer, 'grid:read');
    return { services: [...STATION_SERVICES], audiences: [...STATION_AUDIENCES] };
  },
  partyBranch: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.branchById.load(id);
  },
  serviceBrand: (_, { id }, { loaders, viewer }) => {
    requirePermission(viewer, 'grid:read');
    return loaders.brandById.load(id);
  },
};
