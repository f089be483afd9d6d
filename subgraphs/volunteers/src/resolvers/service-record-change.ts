import { minutesToHours } from '../domain/service-hours.js';
import type { ServiceRecordChangeResolvers } from '../generated/resolvers.js';

export const ServiceRecordChange: ServiceRecordChangeResolvers = {
  hoursBefore: (change) => (change.minutesBefore === null ? null : minutesToHours(change.minutesBefore)),
  hoursAfter: (change) => minutesToHours(change.minutesAfter),
  correction: (change, _, { loaders }) =>
    change.correctionId ? loaders.correctionById.load(change.correctionId) : null,
};
