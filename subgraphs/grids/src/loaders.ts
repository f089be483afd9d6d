import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import {
  createGroupLoader,
  createPrefixGroupLoader,
  createRowLoader,
  inScopeRule,
  overlapsScopeRule,
  present,
  type Restrict,
} from '../../kit/src/loaders.js';
import { composeServiceCard, type ServiceCardStaff } from './domain/service-card.js';
import { Area, type AreaEntity } from './entities/area.js';
import { Building, type BuildingEntity } from './entities/building.js';
import { Grid, type GridEntity } from './entities/grid.js';
import { GridStaff, type GridStaffEntity } from './entities/grid-staff.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember } from './entities/party-branch.js';
import { ServiceBrand, ServiceBrandGrid } from './entities/service-brand.js';
import { ServiceStation, type ServiceStationEntity } from './entities/service-station.js';
import { StaffAssignment, type StaffAssignmentEntity } from './entities/staff-assignment.js';
import { createBuildingCountLoader } from './queries/building-counts.js';

/**
 * Areas are visible inside the viewer's scope and on the path above it (a community
 * worker sees their street and district, not a neighbouring community). Staff are
 * visible by the same rule applied to the area they serve.
 */
export function areaVisibility(viewer: Viewer): Restrict<AreaEntity> {
  return overlapsScopeRule(viewer, 'code');
}

/** A restriction plus a fixed condition, `$` standing for the alias. */
function withCondition<T extends ObjectLiteral>(condition: string, first: Restrict<T> = () => {}): Restrict<T> {
  return (qb, alias) => {
    first(qb, alias);
    qb.andWhere(condition.replaceAll('$', alias));
  };
}

/**
 * Loaders of community life. Stations sit in a grid, so the grid rule applies to them
 * (inside the viewer's scope). Branches and brands serve an area rather than sit in it:
 * like staff, they are visible inside the scope and on the path above it, so a resident
 * scoped to a micro-grid sees the branch of their general grid and their community's
 * brands. Link rows carry no code of their own: the branch, brand or grid they lead to
 * applies the rule.
 */
function createCommunityLoaders(dataSource: DataSource, viewer: Viewer) {
  const stationScope = inScopeRule<ServiceStationEntity>(viewer);
  const activeStations: Restrict<ServiceStationEntity> = (qb, alias) => {
    stationScope(qb, alias);
    qb.andWhere(`${alias}.status = 'ACTIVE'`);
  };
  return {
    stationById: createRowLoader(dataSource, ServiceStation, 'id', { restrict: stationScope }),
    /** Keyed by a grid's area prefix (gridAreaPrefix): the stations in the grid and inside it. */
    activeStationsUnder: createPrefixGroupLoader(dataSource, ServiceStation, 'areaCode', {
      restrict: activeStations,
      orderBy: 'name',
    }),
    stationsUnder: createPrefixGroupLoader(dataSource, ServiceStation, 'areaCode', {
      restrict: stationScope,
      orderBy: 'name',
    }),
    branchById: createRowLoader(dataSource, PartyBranch, 'id', { restrict: overlapsScopeRule(viewer) }),
    branchGridsByBranch: createGroupLoader(dataSource, PartyBranchGrid, 'branchId', { orderBy: 'gridCode' }),
    branchGridsByGridCode: createGroupLoader(dataSource, PartyBranchGrid, 'gridCode'),
    membershipsByBranch: createGroupLoader(dataSource, PartyBranchMember, 'branchId', { orderBy: 'joinedAt' }),
    currentMembershipByPerson: createRowLoader(dataSource, PartyBranchMember, 'currentPersonId'),
    brandById: createRowLoader(dataSource, ServiceBrand, 'id', {
      restrict: overlapsScopeRule(viewer, 'communityCode'),
    }),
    /** Keyed by an area prefix (areaPrefix): the brands of the communities under it. */
    brandsUnder: createPrefixGroupLoader(dataSource, ServiceBrand, 'communityCode', {
      restrict: overlapsScopeRule(viewer, 'communityCode'),
      orderBy: 'communityCode',
    }),
    brandGridsByBrand: createGroupLoader(dataSource, ServiceBrandGrid, 'brandId', { orderBy: 'gridCode' }),
    brandGridsByGridCode: createGroupLoader(dataSource, ServiceBrandGrid, 'gridCode'),
  };
}

interface CardSources {
  gridById: DataLoader<string, GridEntity | null>;
  openAssignmentsByGrid: DataLoader<string, StaffAssignmentEntity[]>;
  staffById: DataLoader<string, GridStaffEntity | null>;
}

/** The values of a `loadMany` whose keys did not fail; a group loader has no nulls to drop. */
function found<T>(values: readonly (T | Error)[]): T[] {
  return values.flatMap((value) => (value instanceof Error ? [] : [value]));
}

/**
 * The staff on the service cards of many buildings at once: their micro-grids, the
 * general grids around them, the open assignments of both and the staff, each one batch,
 * so a card costs the same number of statements for one building as for a hundred.
 */
function createServiceCardLoader(
  sources: CardSources,
): DataLoader<BuildingEntity, ServiceCardStaff<GridStaffEntity>, string> {
  return new DataLoader(
    async (buildings) => {
      const micros = present(
        await sources.gridById.loadMany([...new Set(buildings.map((building) => building.gridId))]),
      );
      const parentOf = new Map(micros.map((micro) => [micro.id, micro.parentId]));
      const gridIds = [
        ...new Set([
          ...micros.map((micro) => micro.id),
          ...micros.flatMap((micro) => (micro.parentId ? [micro.parentId] : [])),
        ]),
      ];
      const assignments = found(await sources.openAssignmentsByGrid.loadMany(gridIds)).flat();
      const staff = present(
        await sources.staffById.loadMany([...new Set(assignments.map((assignment) => assignment.staffId))]),
      );
      const byId = new Map(staff.map((member) => [member.id, member]));
      const entries = assignments.flatMap((assignment) => {
        const member = byId.get(assignment.staffId);
        return member
          ? [
              {
                staff: member,
                gridId: assignment.gridId,
                buildingId: assignment.buildingId,
                startedAt: assignment.startedAt,
              },
            ]
          : [];
      });
      return buildings.map((building) => composeServiceCard(building, parentOf.get(building.gridId) ?? null, entries));
    },
    { cacheKeyFn: (building) => building.id },
  );
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const gridScope = inScopeRule<GridEntity>(viewer, 'code');
  const loaders = {
    areaByCode: createRowLoader(dataSource, Area, 'code', { restrict: areaVisibility(viewer) }),
    areasByParent: createGroupLoader(dataSource, Area, 'parentCode', {
      restrict: areaVisibility(viewer),
      orderBy: 'code',
    }),
    gridById: createRowLoader(dataSource, Grid, 'id', { restrict: gridScope }),
    gridByCode: createRowLoader(dataSource, Grid, 'code', { restrict: gridScope }),
    activeChildGrids: createGroupLoader(dataSource, Grid, 'parentId', {
      restrict: withCondition("$.status = 'ACTIVE'", gridScope),
      orderBy: 'code',
    }),
    childGrids: createGroupLoader(dataSource, Grid, 'parentId', { restrict: gridScope, orderBy: 'code' }),
    staffById: createRowLoader(dataSource, GridStaff, 'id', { restrict: overlapsScopeRule<GridStaffEntity>(viewer) }),
    staffByPerson: createGroupLoader(dataSource, GridStaff, 'personId', {
      restrict: overlapsScopeRule<GridStaffEntity>(viewer),
    }),
    /** Assignments carry no area code: the grids and staff they lead to apply the scope. */
    openAssignmentsByGrid: createGroupLoader(dataSource, StaffAssignment, 'gridId', {
      restrict: withCondition('$.endedAt IS NULL'),
      orderBy: 'startedAt',
    }),
    assignmentsByGrid: createGroupLoader(dataSource, StaffAssignment, 'gridId', { orderBy: 'startedAt' }),
    assignmentsByStaff: createGroupLoader(dataSource, StaffAssignment, 'staffId', { orderBy: 'startedAt' }),
    buildingById: createRowLoader(dataSource, Building, 'id', { restrict: inScopeRule(viewer) }),
    /** Pages of buildings under many grids' codes in a fixed number of statements. */
    buildingsUnderCode: createGroupPageLoader(dataSource, Building, viewer, {
      groupBy: 'areaCode',
      match: 'prefix',
      areaCodeProperty: 'areaCode',
    }),
    buildingCountsUnderCode: createBuildingCountLoader(dataSource, viewer),
    /** Boundaries are left out of grid rows (entities/grid.ts); this fetches them for many grids at once. */
    boundaryByGrid: createRowLoader(dataSource, Grid, 'id', {
      restrict: (qb, alias) => {
        qb.select([`${alias}.id`, `${alias}.boundary`, `${alias}.boundaryCrs`]);
        gridScope(qb, alias);
      },
    }),
  };
  return {
    ...loaders,
    ...createCommunityLoaders(dataSource, viewer),
    serviceCardStaff: createServiceCardLoader(loaders),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
