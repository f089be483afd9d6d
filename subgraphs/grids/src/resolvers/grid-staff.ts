import { notFound } from '../../../kit/src/errors.js';
import { present } from '../../../kit/src/loaders.js';
import type { GridStaffResolvers, PersonResolvers, StaffAssignmentResolvers } from '../generated/resolvers.js';

export const GridStaff: GridStaffResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.staffById.load(reference.id),
  person: (staff) => ({ id: staff.personId }),
  grids: async (staff, _, { loaders }) => {
    const assignments = await loaders.assignmentsByStaff.load(staff.id);
    const open = assignments.filter((assignment) => assignment.endedAt === null);
    return present(await loaders.gridById.loadMany([...new Set(open.map((assignment) => assignment.gridId))]));
  },
  assignments: async (staff, _, { loaders }) => [...(await loaders.assignmentsByStaff.load(staff.id))].reverse(),
};

export const StaffAssignment: StaffAssignmentResolvers = {
  staff: async (assignment, _, { loaders }) => {
    const staff = await loaders.staffById.load(assignment.staffId);
    if (!staff) throw notFound('工作人员不存在或不在您的查看范围内');
    return staff;
  },
  grid: async (assignment, _, { loaders }) => {
    const grid = await loaders.gridById.load(assignment.gridId);
    if (!grid) throw notFound('网格不存在或不在您的查看范围内');
    return grid;
  },
  building: (assignment, _, { loaders }) =>
    assignment.buildingId ? loaders.buildingById.load(assignment.buildingId) : null,
  active: (assignment) => assignment.endedAt === null,
};

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  staffRoles: async (person, _, { loaders }) => {
    const roles = await loaders.staffByPerson.load(person.id);
    return [...roles].sort((a, b) => Number(b.active) - Number(a.active));
  },
  partyBranch: async (person, _, { loaders }) => {
    const membership = await loaders.currentMembershipByPerson.load(person.id);
    return membership ? loaders.branchById.load(membership.branchId) : null;
  },
};
