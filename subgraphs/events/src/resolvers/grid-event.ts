import type { GridEventResolvers } from '../generated/resolvers.js';
import { requireEventRead } from './event-pages.js';

export const GridEvent: GridEventResolvers = {
  __resolveReference: (reference, { loaders, viewer }) => {
    requireEventRead(viewer);
    return loaders.eventById.load(reference.id);
  },
  // The event stores both keys of its grid, so the reference needs no lookup.
  grid: (event) => ({ id: event.gridId, code: event.areaCode }),
  reporter: (event) => (event.reporterId ? { id: event.reporterId } : null),
  assignee: (event) => (event.assigneeId ? { id: event.assigneeId } : null),
};
