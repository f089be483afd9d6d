import { notFound } from '../../../kit/src/errors.js';
import type { BuildingResolvers, GridBoundaryResolvers, ServiceCardResolvers } from '../generated/resolvers.js';
import { bboxOf } from '../domain/geometry.js';

export const Building: BuildingResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.buildingById.load(reference.id),
  location: (building) =>
    building.lng === null || building.lat === null
      ? null
      : { lng: building.lng, lat: building.lat, crs: building.locationCrs ?? 'GCJ02' },
  grid: async (building, _, { loaders }) => {
    const grid = await loaders.gridById.load(building.gridId);
    if (!grid) throw notFound('楼栋所在网格不存在或不在您的查看范围内');
    return grid;
  },
  serviceCard: (building) => ({ building }),
};

export const ServiceCard: ServiceCardResolvers = {
  microGrid: async ({ building }, _, { loaders }) => {
    const grid = await loaders.gridById.load(building.gridId);
    if (!grid) throw notFound('楼栋所在网格不存在或不在您的查看范围内');
    return grid;
  },
  microGridLeader: async ({ building }, _, { loaders }) =>
    (await loaders.serviceCardStaff.load(building)).microGridLeader,
  microGridWorkers: async ({ building }, _, { loaders }) =>
    (await loaders.serviceCardStaff.load(building)).microGridWorkers,
  gridWorkers: async ({ building }, _, { loaders }) => (await loaders.serviceCardStaff.load(building)).gridWorkers,
  buildingStewards: async ({ building }, _, { loaders }) =>
    (await loaders.serviceCardStaff.load(building)).buildingStewards,
};

export const GridBoundary: GridBoundaryResolvers = {
  bbox: (boundary) => bboxOf(boundary.geometry),
};
