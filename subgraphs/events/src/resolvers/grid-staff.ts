import type { GridStaffResolvers } from '../generated/resolvers.js';
import { eventPage } from './event-pages.js';

export const GridStaff: GridStaffResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  assignedEvents: (staff, args, context) => eventPage(context, 'eventsByAssignee', staff.id, args),
};
