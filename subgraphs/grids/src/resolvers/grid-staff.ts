import { present } from '../../../kit/src/loaders.js';
import type { GridStaffResolvers, PersonResolvers } from '../generated/resolvers.js';

export const GridStaff: GridStaffResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.staffById.load(reference.id),
  person: (staff) => ({ id: staff.personId }),
  grids: async (staff, _, { loaders }) => {
    const assignments = await loaders.assignmentsByStaff.load(staff.id);
    return present(await loaders.gridById.loadMany(assignments.map((assignment) => assignment.gridId)));
  },
};

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  staffRoles: async (person, _, { loaders }) => {
    const roles = await loaders.staffByPerson.load(person.id);
    return [...roles].sort((a, b) => Number(b.active) - Number(a.active));
  },
};
