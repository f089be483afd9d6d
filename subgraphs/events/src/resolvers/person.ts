import type { PersonResolvers } from '../generated/resolvers.js';
import { eventPage } from './event-pages.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  reportedEvents: (person, args, context) => eventPage(context, 'eventsByReporter', person.id, args),
};
