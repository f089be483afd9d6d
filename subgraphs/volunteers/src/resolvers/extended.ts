import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import type { GridResolvers, PersonResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

/** Fields this subgraph adds to entities the people and grids subgraphs own. */
export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  volunteer: (person, _, context) => readable(context).volunteerByPerson.load(person.id),
};

export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id, code: reference.code }),
  activities: (grid, { first, after }, context) =>
    readable(context).activitiesUnderCode.load({ value: gridAreaPrefix(grid.code), first, after }),
};
