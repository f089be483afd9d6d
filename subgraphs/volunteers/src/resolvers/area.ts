import { GraphQLError } from 'graphql';
import { statsRangeProblem } from '../domain/stats-range.js';
import { minutesToHours } from '../domain/service-hours.js';
import type { AreaResolvers, VolunteerStatsResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

/** Areas are the grids subgraph's; this subgraph adds what volunteers did in them. */
export const Area: AreaResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  volunteerStats: (area, { from, to, period }, context) => {
    const loaders = readable(context);
    const problem = statsRangeProblem(from, to, period ?? 'MONTH');
    if (problem) throw new GraphQLError(problem.message, { extensions: { code: 'BAD_USER_INPUT', argument: problem.argument } });
    return loaders.volunteerStats.load({ code: area.code, from, to, period: period ?? 'MONTH' });
  },
  projects: (area, { first, after }, context) => readable(context).projectsUnderCode.load({ value: area.code, first, after }),
};

export const VolunteerStats: VolunteerStatsResolvers = {
  confirmedHours: (stats) => minutesToHours(stats.confirmedMinutes),
  periods: (stats) => stats.periods.map(({ confirmedMinutes, ...period }) => ({ ...period, confirmedHours: minutesToHours(confirmedMinutes) })),
};
