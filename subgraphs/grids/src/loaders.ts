import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope, whereOverlapsScope } from '../../kit/src/scope.js';
import { Area } from './entities/area.js';
import { Grid } from './entities/grid.js';
import { GridStaff, StaffAssignment } from './entities/grid-staff.js';

/**
 * Areas are visible inside the viewer's scope and on the path above it (a community
 * worker sees their street and district, not a neighbouring community). Staff are
 * visible by the same rule applied to the area they serve.
 */
export function areaVisibility(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    whereOverlapsScope(qb, viewer, `${alias}.code`);
  };
}

function staffVisibility(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    whereOverlapsScope(qb, viewer, `${alias}.areaCode`);
  };
}

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const gridScope = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    whereInScope(qb, viewer, `${alias}.code`);
  };
  return {
    areaByCode: createRowLoader(dataSource, Area, 'code', { restrict: areaVisibility(viewer) }),
    areasByParent: createGroupLoader(dataSource, Area, 'parentCode', { restrict: areaVisibility(viewer), orderBy: 'code' }),
    gridById: createRowLoader(dataSource, Grid, 'id', { restrict: gridScope }),
    gridByCode: createRowLoader(dataSource, Grid, 'code', { restrict: gridScope }),
    activeChildGrids: createGroupLoader(dataSource, Grid, 'parentId', {
      restrict: (qb, alias) => {
        gridScope(qb, alias);
        qb.andWhere(`${alias}.status = 'ACTIVE'`);
      },
      orderBy: 'code',
    }),
    staffById: createRowLoader(dataSource, GridStaff, 'id', { restrict: staffVisibility(viewer) }),
    staffByPerson: createGroupLoader(dataSource, GridStaff, 'personId', { restrict: staffVisibility(viewer) }),
    assignmentsByGrid: createGroupLoader(dataSource, StaffAssignment, 'gridId'),
    assignmentsByStaff: createGroupLoader(dataSource, StaffAssignment, 'staffId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
