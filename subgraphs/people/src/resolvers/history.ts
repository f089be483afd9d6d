import { purposeLabel } from '../domain/access-purposes.js';
import type { PiiAccessLogEntryResolvers, ResidenceMoveResolvers } from '../generated/resolvers.js';

export const ResidenceMove: ResidenceMoveResolvers = {
  fromGrid: (move) => (move.fromGridId && move.fromAreaCode ? { id: move.fromGridId, code: move.fromAreaCode } : null),
  fromBuilding: (move) => (move.fromBuildingId ? { id: move.fromBuildingId } : null),
  toGrid: (move) => (move.toGridId && move.toAreaCode ? { id: move.toGridId, code: move.toAreaCode } : null),
  toBuilding: (move) => (move.toBuildingId ? { id: move.toBuildingId } : null),
};

export const PiiAccessLogEntry: PiiAccessLogEntryResolvers = {
  viewer: (entry) => entry.viewerSubject,
  viewerRoles: (entry) => entry.viewerRoles.split(',').filter(Boolean),
  fields: (entry) => entry.fields.split(','),
  purposeLabel: (entry) => purposeLabel(entry.purpose),
  // The auditor's own scope and permissions apply to the person.
  person: (entry, _, { loaders }) => loaders.personById.load(entry.personId),
};
