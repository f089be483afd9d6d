import DataLoader from 'dataloader';
import { present } from '../../kit/src/loaders.js';
import { composeServiceCard, type ServiceCardStaff } from './domain/service-card.js';
import type { BuildingEntity } from './entities/building.js';
import type { GridEntity } from './entities/grid.js';
import type { GridStaffEntity } from './entities/grid-staff.js';
import type { StaffAssignmentEntity } from './entities/staff-assignment.js';

interface CardSources {
  gridById: DataLoader<string, GridEntity | null>;
  openAssignmentsByGrid: DataLoader<string, StaffAssignmentEntity[]>;
  staffById: DataLoader<string, GridStaffEntity | null>;
}

function found<T>(values: readonly (T | Error)[]): T[] {
  return values.flatMap((value) => (value instanceof Error ? [] : [value]));
}

/**
 * The staff on the service cards of many buildings at once: their micro-grids, the
 * general grids around them, the open assignments of both and the staff, each one batch,
 * so a card costs the same number of statements for one building as for a hundred.
 */
export function createServiceCardLoader(sources: CardSources): DataLoader<BuildingEntity, ServiceCardStaff<GridStaffEntity>, string> {
  return new DataLoader(
    async (buildings) => {
      const micros = present(await sources.gridById.loadMany([...new Set(buildings.map((building) => building.gridId))]));
      const parentOf = new Map(micros.map((micro) => [micro.id, micro.parentId]));
      const gridIds = [...new Set([...micros.map((micro) => micro.id), ...micros.flatMap((micro) => (micro.parentId ? [micro.parentId] : []))])];
      const assignments = found(await sources.openAssignmentsByGrid.loadMany(gridIds)).flat();
      const staff = present(await sources.staffById.loadMany([...new Set(assignments.map((assignment) => assignment.staffId))]));
      const byId = new Map(staff.map((member) => [member.id, member]));
      const entries = assignments.flatMap((assignment) => {
        const member = byId.get(assignment.staffId);
        return member ? [{ staff: member, gridId: assignment.gridId, buildingId: assignment.buildingId, startedAt: assignment.startedAt }] : [];
      });
      return buildings.map((building) => composeServiceCard(building, parentOf.get(building.gridId) ?? null, entries));
    },
    { cacheKeyFn: (building) => building.id },
  );
}
