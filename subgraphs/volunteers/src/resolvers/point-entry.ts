import type { PointEntryResolvers } from '../generated/resolvers.js';

export const PointEntry: PointEntryResolvers = {
  serviceRecord: (entry, _, { loaders }) =>
    entry.serviceRecordId ? loaders.recordById.load(entry.serviceRecordId) : null,
  correction: (entry, _, { loaders }) => (entry.correctionId ? loaders.correctionById.load(entry.correctionId) : null),
  redemption: (entry, _, { loaders }) => (entry.redemptionId ? loaders.redemptionById.load(entry.redemptionId) : null),
};
