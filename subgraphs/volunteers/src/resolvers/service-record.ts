import { pointsFor } from '../domain/points.js';
import { minutesToHours } from '../domain/service-hours.js';
import type { ServiceRecordResolvers } from '../generated/resolvers.js';

export const ServiceRecord: ServiceRecordResolvers = {
  volunteer: (record, _, { loaders }) => loaders.volunteerById.load(record.volunteerId),
  activity: (record, _, { loaders }) => (record.activityId ? loaders.activityById.load(record.activityId) : null),
  computedHours: (record) => minutesToHours(record.computedMinutes),
  hours: (record) => minutesToHours(record.minutes),
  /** What the ledger holds for it: EARN at confirmation plus any correction's ADJUSTMENT. */
  points: (record) => (record.status === 'CONFIRMED' ? pointsFor(record.minutes, record.pointsPerHour ?? 0) : 0),
  history: (record, _, { loaders }) => loaders.changesByRecord.load(record.id),
  corrections: (record, _, { loaders }) => loaders.correctionsByRecord.load(record.id),
};
