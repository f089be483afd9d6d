import { isOverdue } from '../domain/deadlines.js';
import type { EventActionResolvers, GridEventResolvers } from '../generated/resolvers.js';
import { readEvent } from '../queries/event-pages.js';

export const GridEvent: GridEventResolvers = {
  __resolveReference: (reference, context) => readEvent(reference, context),
  // The event stores both keys of its grid, so the reference needs no lookup.
  grid: (event) => ({ id: event.gridId, code: event.areaCode }),
  building: (event) => (event.buildingId ? { id: event.buildingId } : null),
  location: (event) => (event.lng !== null && event.lat !== null ? { lng: event.lng, lat: event.lat } : null),
  photos: (event) => event.photos ?? [],
  reporter: (event) => (event.reporterId ? { id: event.reporterId } : null),
  assignee: (event) => (event.assigneeId ? { id: event.assigneeId } : null),
  deadline: (event) => event.deadlineAt,
  finishDeadline: (event) => event.finishDueAt,
  overdue: (event, _, { settings }) => isOverdue(event.deadlineAt, settings.now()),
  timeline: (event, _, { loaders }) => loaders.timelineByEvent.load(event.id),
  rectificationOf: (event, _, { loaders }) =>
    event.inspectionFindingId ? loaders.findingById.load(event.inspectionFindingId) : null,
  followUpOf: (event, _, { loaders }) => (event.visitId ? loaders.visitById.load(event.visitId) : null),
  drill: (event, _, { loaders }) => (event.drillId ? loaders.drillById.load(event.drillId) : null),
  topic: (event, _, { loaders }) => (event.topicId ? loaders.topicById.load(event.topicId) : null),
};

export const EventAction: EventActionResolvers = {
  actor: (action) => action.actorSubject,
  actorPerson: (action) => (action.actorPersonId ? { id: action.actorPersonId } : null),
  assignee: (action) => (action.assigneeId ? { id: action.assigneeId } : null),
};
