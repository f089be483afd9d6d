import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import { Area } from './entities/area.js';
import { Grid } from './entities/grid.js';
import { GridStaff, StaffAssignment } from './entities/grid-staff.js';

/**
 * Areas are visible inside the viewer's scope and on the path above it (a community
 * worker sees their street and district, not a neighbouring community).
 */
export function areaVisibility(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    const ancestors = viewer.scopes.flatMap((scope) => ancestorCodes(scope));
    whereOverlaps(qb, viewer, `${alias}.code`, ancestors);
  };
}

/** Staff are visible where their area overlaps the viewer's scope, above or below it. */
function staffVisibility(viewer: Viewer) {
  return (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => {
    const ancestors = viewer.scopes.flatMap((scope) => ancestorCodes(scope, 18));
    whereOverlaps(qb, viewer, `${alias}.areaCode`, ancestors);
  };
}

function whereOverlaps(qb: SelectQueryBuilder<ObjectLiteral>, viewer: Viewer, column: string, ancestors: string[]): void {
  if (ancestors.length === 0) {
    whereInScope(qb, viewer, column);
    return;
  }
  qb.andWhere(
    `(${viewer.scopes.map((_, i) => `${column} LIKE :overlap${i}`).join(' OR ') || '1 = 0'} OR ${column} IN (:...ancestorCodes))`,
    { ...Object.fromEntries(viewer.scopes.map((scope, i) => [`overlap${i}`, `${scope}%`])), ancestorCodes: ancestors },
  );
}

/** The codes above a code: 510116001011 → 510100, 510116, 510116001; grid codes add their community. */
export function ancestorCodes(code: string, maxLength = 12): string[] {
  const lengths = [6, 9, 12, 15].filter((length) => length < code.length && length <= maxLength);
  const codes = lengths.map((length) => code.slice(0, length));
  // The city (510100) sits above its districts (510115) though it is not a prefix of them.
  if (code.length >= 6) codes.unshift(`${code.slice(0, 4)}00`);
  return [...new Set(codes)].filter((ancestor) => ancestor !== code);
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
