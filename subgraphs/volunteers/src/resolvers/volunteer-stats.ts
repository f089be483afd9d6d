import { minutesToHours } from '../domain/service-hours.js';
import type { VolunteerStatsResolvers } from '../generated/resolvers.js';

export const VolunteerStats: VolunteerStatsResolvers = {
  confirmedHours: (stats) => minutesToHours(stats.confirmedMinutes),
  periods: (stats) =>
    stats.periods.map(({ confirmedMinutes, ...period }) => ({
      ...period,
      confirmedHours: minutesToHours(confirmedMinutes),
    })),
};
