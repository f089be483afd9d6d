import type { InspectionFindingResolvers, InspectionResolvers } from '../generated/resolvers.js';
import { readInspection } from '../queries/event-pages.js';

export const Inspection: InspectionResolvers = {
  __resolveReference: (reference, context) => readInspection(reference, context),
  grid: (inspection) => ({ id: inspection.gridId, code: inspection.areaCode }),
  building: (inspection) => (inspection.buildingId ? { id: inspection.buildingId } : null),
  inspector: (inspection) => inspection.inspectorSubject,
  inspectorPerson: (inspection) => (inspection.inspectorPersonId ? { id: inspection.inspectorPersonId } : null),
  findings: (inspection, _, { loaders }) => loaders.findingsByInspection.load(inspection.id),
};

export const InspectionFinding: InspectionFindingResolvers = {
  inspection: async (finding, _, { loaders }) => {
    const inspection = await loaders.inspectionById.load(finding.inspectionId);
    // A finding is stored with its inspection's area code: one visible means both are.
    if (!inspection) throw new Error(`inspection ${finding.inspectionId} of finding ${finding.id} is missing`);
    return inspection;
  },
  photos: (finding) => finding.photos ?? [],
  rectification: (finding, _, { loaders }) =>
    finding.rectificationEventId ? loaders.eventById.load(finding.rectificationEventId) : null,
};
