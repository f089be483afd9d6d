import { notFound } from '../../../kit/src/errors.js';
import type { OpeningHoursResolvers, ServiceStationResolvers } from '../generated/resolvers.js';
import { convertPosition } from '../domain/crs.js';
import { isOpenAt, openingHoursSummary } from '../domain/opening-hours.js';
import { labelAudiences, labelServices, STATION_KIND_LABELS } from '../domain/station-catalogue.js';

export const ServiceStation: ServiceStationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.stationById.load(reference.id),
  kindLabel: (station) => STATION_KIND_LABELS[station.kind],
  services: (station) => labelServices(station.services),
  audiences: (station) => labelAudiences(station.audiences),
  openNow: (station, { at }) => station.status === 'ACTIVE' && isOpenAt(station.openingHours, at ?? new Date()),
  location: (station, { crs }) => {
    const target = crs ?? 'GCJ02';
    const [lng, lat] = convertPosition([station.lng, station.lat], 'GCJ02', target);
    return { lng, lat, crs: target };
  },
  grid: async (station, _, { loaders }) => {
    const grid = await loaders.gridById.load(station.gridId);
    if (!grid) throw notFound('站点所在网格不存在或不在您的查看范围内');
    return grid;
  },
};

export const OpeningHours: OpeningHoursResolvers = {
  summary: (hours) => openingHoursSummary(hours),
};
