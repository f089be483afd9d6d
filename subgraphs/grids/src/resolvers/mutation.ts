import type { MutationResolvers } from '../generated/resolvers.js';
import { toUserErrors } from '../domain/problems.js';
import { assignStaff } from '../mutations/assign-staff.js';
import { createArea } from '../mutations/create-area.js';
import { createBuilding } from '../mutations/create-building.js';
import { createGrid } from '../mutations/create-grid.js';
import { endStaffAssignment } from '../mutations/end-staff-assignment.js';
import type { Outcome } from '../mutations/mutate.js';
import { retireGrid } from '../mutations/retire-grid.js';
import { setGridBoundary } from '../mutations/set-grid-boundary.js';
import { updateGrid } from '../mutations/update-grid.js';
import { createPartyBranch, setPartyBranchMembers, updatePartyBranch } from '../mutations/party-branches.js';
import { changeServiceBrandGrids, createServiceBrand, updateServiceBrand } from '../mutations/service-brands.js';
import { closeServiceStation, createServiceStation, updateServiceStation } from '../mutations/service-stations.js';

/** A payload: the written object under its name, or null with the user errors. */
async function payload<K extends string, T>(key: K, outcome: Promise<Outcome<T>>) {
  const { value, problems } = await outcome;
  return { [key]: value, userErrors: toUserErrors(problems) } as { [P in K]: T | null } & { userErrors: ReturnType<typeof toUserErrors> };
}

export const Mutation: MutationResolvers = {
  createArea: (_, { input }, context) => payload('area', createArea(context, input)),
  createGrid: (_, { input }, context) => payload('grid', createGrid(context, input)),
  updateGrid: (_, { input: { id, ...update } }, context) => payload('grid', updateGrid(context, id, update)),
  setGridBoundary: (_, { input }, context) => payload('grid', setGridBoundary(context, input)),
  retireGrid: (_, { input }, context) => payload('grid', retireGrid(context, input.id)),
  createBuilding: (_, { input }, context) => payload('building', createBuilding(context, input)),
  assignStaff: (_, { input }, context) => payload('assignment', assignStaff(context, input)),
  endStaffAssignment: (_, { input }, context) => payload('assignment', endStaffAssignment(context, input)),
  createServiceStation: (_, { input }, context) => payload('station', createServiceStation(context, input)),
  updateServiceStation: (_, { input }, context) => payload('station', updateServiceStation(context, input)),
  closeServiceStation: (_, { input }, context) => payload('station', closeServiceStation(context, input)),
  createPartyBranch: (_, { input }, context) => payload('partyBranch', createPartyBranch(context, input)),
  updatePartyBranch: (_, { input }, context) => payload('partyBranch', updatePartyBranch(context, input)),
  setPartyBranchMembers: (_, { input }, context) => payload('partyBranch', setPartyBranchMembers(context, input)),
  createServiceBrand: (_, { input }, context) => payload('serviceBrand', createServiceBrand(context, input)),
  updateServiceBrand: (_, { input }, context) => payload('serviceBrand', updateServiceBrand(context, input)),
  attachServiceBrandGrids: (_, { input }, context) => payload('serviceBrand', changeServiceBrandGrids(context, input, true)),
  detachServiceBrandGrids: (_, { input }, context) => payload('serviceBrand', changeServiceBrandGrids(context, input, false)),
};
