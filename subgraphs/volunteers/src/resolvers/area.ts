import { areaPrefix } from '../../../kit/src/area-code.js';
import { readable } from '../context.js';
import type { AreaResolvers } from '../generated/resolvers.js';
import { volunteerStatsOf } from '../queries/volunteer-stats.js';

/** Areas are the grids subgraph's; this subgraph adds what volunteers did in them. */
export const Area: AreaResolvers = {
  __resolveReference: (reference) => ({ code: reference.code }),
  volunteerStats: (area, args, context) => volunteerStatsOf(readable(context), area.code, args),
  projects: (area, { first, after }, context) =>
    readable(context).projectsUnderCode.load({ value: areaPrefix(area.code), first, after }),
};
