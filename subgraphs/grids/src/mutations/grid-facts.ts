import { IsNull, Not, type EntityManager, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { boundaryColumns } from '../domain/boundary-columns.js';
import type { DrawnGrid } from '../domain/boundary-rules.js';
import type { CoordinateSystem, GridGeometry } from '../domain/geometry.js';
import { containerKind } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { GridCell } from '../entities/grid-cell.js';
import { StaffAssignment } from '../entities/staff-assignment.js';

/** Grids with their boundaries, which a plain read leaves out. */
export function withBoundary(manager: EntityManager): SelectQueryBuilder<GridEntity> {
  return manager.getRepository(Grid).createQueryBuilder('grid').addSelect('grid.boundary');
}

/**
 * A grid read for a write, locked on MySQL until the transaction ends so that a retire
 * and an assignment cannot both pass their checks. SQLite runs one transaction at a
 * time (kit/transaction.ts) and needs no lock. Outside the viewer's scope reads as absent.
 */
export async function lockVisibleGrid(context: Context, manager: EntityManager, id: string): Promise<GridEntity | null> {
  const qb = withBoundary(manager).where('grid.id = :id', { id });
  if (context.db.kind === 'mysql') qb.setLock('pessimistic_write');
  const grid = await qb.getOne();
  return grid && inScope(context.viewer, grid.code) ? grid : null;
}

/**
 * Many grids (without their boundaries) read for a write in one statement, locked on
 * MySQL; those outside the viewer's scope are left out.
 */
export async function lockVisibleGrids(context: Context, manager: EntityManager, ids: readonly string[]): Promise<Map<string, GridEntity>> {
  if (!ids.length) return new Map();
  const qb = manager.getRepository(Grid).createQueryBuilder('grid').where('grid.id IN (:...ids)', { ids: [...ids] });
  if (context.db.kind === 'mysql') qb.setLock('pessimistic_write');
  const grids = await qb.getMany();
  return new Map(grids.filter((grid) => inScope(context.viewer, grid.code)).map((grid) => [grid.id, grid]));
}

/**
 * A row of a scoped table (a station, a branch, a brand) read for a write, locked on
 * MySQL until the transaction ends; outside the viewer's scope reads as absent.
 */
export async function lockVisibleRow<T extends ObjectLiteral & { id: string }>(
  context: Context,
  manager: EntityManager,
  entity: EntitySchema<T>,
  id: string,
  areaCodeOf: (row: T) => string,
): Promise<T | null> {
  const qb = manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id });
  if (context.db.kind === 'mysql') qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  return row && inScope(context.viewer, areaCodeOf(row)) ? row : null;
}

export async function lockActiveTotal(context: Context, manager: EntityManager, communityCode: string): Promise<GridEntity | null> {
  const qb = withBoundary(manager)
    .where('grid.communityCode = :communityCode', { communityCode })
    .andWhere("grid.type = 'COMMUNITY_TOTAL' AND grid.status = 'ACTIVE'");
  if (context.db.kind === 'mysql') qb.setLock('pessimistic_write');
  return qb.getOne();
}

export function drawnOf(grid: GridEntity | null): DrawnGrid | null {
  if (!grid?.boundary) return null;
  return { code: grid.code, drawn: { geometry: grid.boundary, crs: grid.boundaryCrs ?? 'GCJ02' } };
}

/** The grid whose boundary must hold this one's: a micro-grid's parent, else the community total grid. */
export async function containerOf(context: Context, manager: EntityManager, grid: Pick<GridEntity, 'type' | 'parentId' | 'communityCode'>): Promise<GridEntity | null> {
  const kind = containerKind(grid.type);
  if (kind === 'parent') return grid.parentId ? withBoundary(manager).where('grid.id = :id', { id: grid.parentId }).getOne() : null;
  return kind === 'communityTotal' ? lockActiveTotal(context, manager, grid.communityCode) : null;
}

/** Active grids directly inside: a general grid's micro-grids, the general and dedicated grids of a community. */
export function activeChildren(manager: EntityManager, grid: GridEntity): Promise<GridEntity[]> {
  const active = withBoundary(manager).where("grid.status = 'ACTIVE'");
  if (grid.type === 'GENERAL') return active.andWhere('grid.parentId = :id', { id: grid.id }).getMany();
  if (grid.type === 'COMMUNITY_TOTAL') {
    return active.andWhere("grid.communityCode = :code AND grid.type IN ('GENERAL', 'DEDICATED')", { code: grid.communityCode }).getMany();
  }
  return Promise.resolve([]);
}

/** Grids that keep a grid from retiring: for a community total grid, every other active grid of the community. */
export function countActiveDependants(manager: EntityManager, grid: GridEntity): Promise<number> {
  if (grid.type === 'COMMUNITY_TOTAL') return manager.countBy(Grid, { communityCode: grid.communityCode, status: 'ACTIVE', id: Not(grid.id) });
  if (grid.type === 'GENERAL') return manager.countBy(Grid, { parentId: grid.id, status: 'ACTIVE' });
  return Promise.resolve(0);
}

export function countOpenAssignments(manager: EntityManager, gridId: string): Promise<number> {
  return manager.countBy(StaffAssignment, { gridId, endedAt: IsNull() });
}

/** Stores a boundary (or clears it) with its box and the cells of the spatial index. */
export async function writeBoundary(manager: EntityManager, gridId: string, geometry: GridGeometry | null, crs: CoordinateSystem) {
  const { columns, cells } = boundaryColumns(geometry, crs);
  await manager.update(Grid, { id: gridId }, columns);
  await manager.delete(GridCell, { gridId });
  if (cells.length) await manager.insert(GridCell, cells.map((cell) => ({ ...cell, gridId })));
  return columns;
}
