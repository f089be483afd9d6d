import type { PersonResolvers } from '../generated/resolvers.js';
import { eventPage, requireEventRead } from '../queries/event-pages.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  reportedEvents: (person, args, context) => eventPage(context, 'eventsByReporter', person.id, args),
  visits: (person, { first, after }, { loaders, viewer }) => {
    requireEventRead(viewer);
    return loaders.visitsByPerson.load({ value: person.id, first, after });
  },
  lastVisitAt: (person, _, { loaders, viewer }) => {
    requireEventRead(viewer);
    return loaders.lastVisitByPerson.load(person.id);
  },
};
