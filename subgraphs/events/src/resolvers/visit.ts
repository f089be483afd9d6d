import type { VisitResolvers } from '../generated/resolvers.js';
import { readVisit } from '../queries/event-pages.js';

export const Visit: VisitResolvers = {
  __resolveReference: (reference, context) => readVisit(reference, context),
  person: (visit) => ({ id: visit.personId }),
  grid: (visit) => ({ id: visit.gridId, code: visit.areaCode }),
  visitorStaff: (visit) => (visit.visitorKind === 'STAFF' ? { id: visit.visitorId } : null),
  visitorVolunteer: (visit) => (visit.visitorKind === 'VOLUNTEER' ? { id: visit.visitorId } : null),
  visitorPerson: (visit) => (visit.visitorPersonId ? { id: visit.visitorPersonId } : null),
  followUpEvent: (visit, _, { loaders }) =>
    visit.followUpEventId ? loaders.eventById.load(visit.followUpEventId) : null,
};
