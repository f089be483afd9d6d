import { createHousehold } from '../actions/create-household.js';
import { defineTag } from '../actions/define-tag.js';
import { importPeople } from '../actions/import-people/import-people.js';
import { joinHousehold } from '../actions/join-household.js';
import { leaveHousehold } from '../actions/leave-household.js';
import { movePerson } from '../actions/move-person.js';
import { registerPerson } from '../actions/register-person.js';
import { setPersonStatus } from '../actions/set-person-status.js';
import { setTags } from '../actions/set-tags.js';
import type { MutationResolvers } from '../generated/resolvers.js';

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
