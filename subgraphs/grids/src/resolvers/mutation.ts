import type { MutationResolvers } from '../generated/resolvers.js';
import { assignStaff } from '../actions/assign-staff.js';
import { attachServiceBrandGrids } from '../actions/attach-service-brand-grids.js';
import { closeServiceStation } from '../actions/close-service-station.js';
import { createArea } from '../actions/create-area.js';
import { createBuilding } from '../actions/create-building.js';
import { createGrid } from '../actions/create-grid.js';
import { createPartyBranch } from '../actions/create-party-branch.js';
import { createServiceBrand } from '../actions/create-service-brand.js';
import { createServiceStation } from '../actions/create-service-station.js';
import { detachServiceBrandGrids } from '../actions/detach-service-brand-grids.js';
import { endStaffAssignment } from '../actions/end-staff-assignment.js';
import { retireGrid } from '../actions/retire-grid.js';
import { setGridBoundary } from '../actions/set-grid-boundary.js';
import { setPartyBranchMembers } from '../actions/set-party-branch-members.js';
import { updateGrid } from '../actions/update-grid.js';
import { updatePartyBranch } from '../actions/update-party-branch.js';
import { updateServiceBrand } from '../actions/update-service-brand.js';
import { updateServiceStation } from '../actions/update-service-station.js';

/** Each mutation is an action that returns its payload: the written object, or null with the user errors. */
export const Mutation: MutationResolvers = {
  createArea: (_, { input }, context) => createArea(context, input),
  createGrid: (_, { input }, context) => createGrid(context, input),
  updateGrid: (_, { input: { id, ...update } }, context) => updateGrid(context, id, update),
  setGridBoundary: (_, { input }, context) => setGridBoundary(context, input),
  retireGrid: (_, { input }, context) => retireGrid(context, input.id),
  createBuilding: (_, { input }, context) => createBuilding(context, input),
  assignStaff: (_, { input }, context) => assignStaff(context, input),
  endStaffAssignment: (_, { input }, context) => endStaffAssignment(context, input),
  createServiceStation: (_, { input }, context) => createServiceStation(context, input),
  updateServiceStation: (_, { input }, context) => updateServiceStation(context, input),
  closeServiceStation: (_, { input }, context) => closeServiceStation(context, input),
  createPartyBranch: (_, { input }, context) => createPartyBranch(context, input),
  updatePartyBranch: (_, { input }, context) => updatePartyBranch(context, input),
  setPartyBranchMembers: (_, { input }, context) => setPartyBranchMembers(context, input),
  createServiceBrand: (_, { input }, context) => createServiceBrand(context, input),
  updateServiceBrand: (_, { input }, context) => updateServiceBrand(context, input),
  attachServiceBrandGrids: (_, { input }, context) => attachServiceBrandGrids(context, input),
  detachServiceBrandGrids: (_, { input }, context) => detachServiceBrandGrids(context, input),
};
