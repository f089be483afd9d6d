import { readable } from '../context.js';
import type { PersonResolvers } from '../generated/resolvers.js';

/** People are the people subgraph's; this subgraph adds their volunteer profile. */
export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  volunteer: (person, _, context) => readable(context).volunteerByPerson.load(person.id),
};
