import { defineTag } from '../define-tag.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { createHousehold, joinHousehold, leaveHousehold } from '../household-mutations.js';
import { importPeople } from '../import/import-people.js';
import { movePerson } from '../move-person.js';
import { setPersonStatus } from '../person-status.js';
import { registerPerson } from '../register-person.js';
import { setTags } from '../set-tags.js';

export const Mutation: MutationResolvers = {
  registerPerson: (_, { input }, context) => registerPerson(context, input),
  importPeople: (_, { rows, mode }, context) => importPeople(context, rows, mode ?? 'CREATE_ONLY'),
  setTags: (_, { input }, context) => setTags(context, input),
  defineTag: (_, { input }, context) => defineTag(context, input),
  movePerson: (_, { input }, context) => movePerson(context, input),
  setPersonStatus: (_, { input }, context) => setPersonStatus(context, input),
  createHousehold: (_, { input }, context) => createHousehold(context, input),
  joinHousehold: (_, { input }, context) => joinHousehold(context, input),
  leaveHousehold: (_, { input }, context) => leaveHousehold(context, input),
};
