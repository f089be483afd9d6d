import type { MutationResolvers } from '../generated/resolvers.js';
import { registerPerson } from '../register-person.js';

export const Mutation: MutationResolvers = {
  registerPerson: (_, { input }, context) => registerPerson(context, input),
};
