import { requireFullRead } from '../domain/access.js';
import { headFirst } from '../domain/households.js';
import type { HouseholdResolvers } from '../generated/resolvers.js';

export const Household: HouseholdResolvers = {
  __resolveReference: (reference, { loaders, viewer }) => {
    requireFullRead(viewer);
    return loaders.householdById.load(reference.id);
  },
  grid: (household) => ({ id: household.gridId, code: household.areaCode }),
  building: (household) => (household.buildingId ? { id: household.buildingId } : null),
  members: async (household, _, { loaders }) => {
    const members = await loaders.membersByHousehold.load(household.id);
    return headFirst(members).map((person) => ({ person, relation: person.householdRelation ?? '' }));
  },
};
