import { minutesToHours } from '../domain/service-hours.js';
import type { CorrectionRequestResolvers } from '../generated/resolvers.js';

export const CorrectionRequest: CorrectionRequestResolvers = {
  record: (correction, _, { loaders }) => loaders.recordById.load(correction.recordId),
  volunteer: (correction, _, { loaders }) => loaders.volunteerById.load(correction.volunteerId),
  hoursBefore: (correction) => minutesToHours(correction.minutesBefore),
  requestedHours: (correction) => minutesToHours(correction.requestedMinutes),
};
