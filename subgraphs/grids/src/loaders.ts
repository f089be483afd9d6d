import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope, whereOverlapsScope } from '../../kit/src/scope.js';
import { createBuildingCountLoader } from './building-counts.js';
import { createCommunityLoaders } from './community-loaders.js';
import { createServiceCardLoader } from './service-card-loader.js';
import { Area } from './entities/area.js';
import { Building } from './entities/building.js';
import { Grid } from './entities/grid.js';
import { GridStaff } from './entities/grid-staff.js';
import { StaffAssignment } from './entities/staff-assignment.js';

type Restrict = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => void;

/**
 * Areas are visible inside the viewer's scope and on the path above it (a community
 * worker sees their street and district, not a neighbouring community). Staff are
 * visible by the same rule applied to the area they serve.
 */
export function areaVisibility(viewer: Viewer): Restrict {
  return (qb, alias) => {
    whereOverlapsScope(qb, viewer, `${alias}.code`);
  };
}

function inScopeBy(viewer: Viewer, property: string): Restrict {
  return (qb, alias) => {
    whereInScope(qb, viewer, `${alias}.${property}`);
  };
}

function staffVisibility(viewer: Viewer): Restrict {
  return (qb, alias) => {
    whereOverlapsScope(qb, viewer, `${alias}.areaCode`);
  };
}

/** A restriction plus a fixed condition, `$` standing for the alias. */
function withCondition(condition: string, first: Restrict = () => {}): Restrict {
  return (qb, alias) => {
    first(qb, alias);
    qb.andWhere(condition.replaceAll('$', alias));
  };
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const gridScope = inScopeBy(viewer, 'code');
  const loaders = {
    areaByCode: createRowLoader(dataSource, Area, 'code', { restrict: areaVisibility(viewer) }),
    areasByParent: createGroupLoader(dataSource, Area, 'parentCode', { restrict: areaVisibility(viewer), orderBy: 'code' }),
    gridById: createRowLoader(dataSource, Grid, 'id', { restrict: gridScope }),
    gridByCode: createRowLoader(dataSource, Grid, 'code', { restrict: gridScope }),
    activeChildGrids: createGroupLoader(dataSource, Grid, 'parentId', { restrict: withCondition("$.status = 'ACTIVE'", gridScope), orderBy: 'code' }),
    childGrids: createGroupLoader(dataSource, Grid, 'parentId', { restrict: gridScope, orderBy: 'code' }),
    staffById: createRowLoader(dataSource, GridStaff, 'id', { restrict: staffVisibility(viewer) }),
    staffByPerson: createGroupLoader(dataSource, GridStaff, 'personId', { restrict: staffVisibility(viewer) }),
    /** Assignments carry no area code: the grids and staff they lead to apply the scope. */
    openAssignmentsByGrid: createGroupLoader(dataSource, StaffAssignment, 'gridId', { restrict: withCondition('$.endedAt IS NULL'), orderBy: 'startedAt' }),
    assignmentsByGrid: createGroupLoader(dataSource, StaffAssignment, 'gridId', { orderBy: 'startedAt' }),
    assignmentsByStaff: createGroupLoader(dataSource, StaffAssignment, 'staffId', { orderBy: 'startedAt' }),
    buildingById: createRowLoader(dataSource, Building, 'id', { restrict: inScopeBy(viewer, 'areaCode') }),
    /** Pages of buildings under many grids' codes in a fixed number of statements. */
    buildingsUnderCode: createGroupPageLoader(dataSource, Building, viewer, { groupBy: 'areaCode', match: 'prefix', areaCodeProperty: 'areaCode' }),
    buildingCountsUnderCode: createBuildingCountLoader(dataSource, viewer),
    /** Boundaries are left out of grid rows (entities/grid.ts); this fetches them for many grids at once. */
    boundaryByGrid: createRowLoader(dataSource, Grid, 'id', {
      restrict: (qb, alias) => {
        qb.select([`${alias}.id`, `${alias}.boundary`, `${alias}.boundaryCrs`]);
        gridScope(qb, alias);
      },
    }),
  };
  return { ...loaders, ...createCommunityLoaders(dataSource, viewer), serviceCardStaff: createServiceCardLoader(loaders) };
}

export type Loaders = ReturnType<typeof createLoaders>;
