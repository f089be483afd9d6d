import type { GridStaffResolvers } from '../generated/resolvers.js';
import { assignedEventPage } from '../queries/event-pages.js';

export const GridStaff: GridStaffResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  assignedEvents: (staff, { status, first, after }, context) =>
    assignedEventPage(context, staff.id, status, { first, after }),
};
