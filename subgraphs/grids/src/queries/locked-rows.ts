import type { EntityManager, EntitySchema, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inScope } from '../../../kit/src/scope.js';
import { lockForWrite } from '../../../kit/src/sql.js';
import type { Context } from '../context.js';
import { containerKind } from '../domain/grid-rules.js';
import { Grid, type GridEntity } from '../entities/grid.js';

/**
 * Rows read by an action for a write, inside its transaction. Each is locked on MySQL
 * until the transaction ends (kit `lockForWrite`), so that, say, a retire and an
 * assignment cannot both pass their checks; SQLite runs one transaction at a time
 * (kit/transaction.ts) and needs no lock. A row outside the viewer's scope reads as absent.
 */

/** Grids with their boundaries, which a plain read leaves out. */
export function withBoundary(manager: EntityManager): SelectQueryBuilder<GridEntity> {
  return manager.getRepository(Grid).createQueryBuilder('grid').addSelect('grid.boundary');
}

/** A grid (with its boundary) read for a write. */
export async function lockVisibleGrid(
  context: Context,
  manager: EntityManager,
  id: string,
): Promise<GridEntity | null> {
  const grid = await lockForWrite(withBoundary(manager).where('grid.id = :id', { id }), context.db).getOne();
  return grid && inScope(context.viewer, grid.code) ? grid : null;
}

/** Many grids (without their boundaries) read for a write in one statement; those outside the viewer's scope are left out. */
export async function lockVisibleGrids(
  context: Context,
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, GridEntity>> {
  if (!ids.length) return new Map();
  const qb = manager
    .getRepository(Grid)
    .createQueryBuilder('grid')
    .where('grid.id IN (:...ids)', { ids: [...ids] });
  const grids = await lockForWrite(qb, context.db).getMany();
  return new Map(grids.filter((grid) => inScope(context.viewer, grid.code)).map((grid) => [grid.id, grid]));
}

/** A row of a scoped table (a station, a branch, a brand) read for a write. */
export async function lockVisibleRow<T extends ObjectLiteral & { id: string }>(
  context: Context,
  manager: EntityManager,
  entity: EntitySchema<T>,
  id: string,
  areaCodeOf: (row: T) => string,
): Promise<T | null> {
  const qb = manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id });
  const row = await lockForWrite(qb, context.db).getOne();
  return row && inScope(context.viewer, areaCodeOf(row)) ? row : null;
}

/** A community's active total grid (with its boundary) read for a write. */
export function lockActiveTotal(
  context: Context,
  manager: EntityManager,
  communityCode: string,
): Promise<GridEntity | null> {
  const qb = withBoundary(manager)
    .where('grid.communityCode = :communityCode', { communityCode })
    .andWhere("grid.type = 'COMMUNITY_TOTAL' AND grid.status = 'ACTIVE'");
  return lockForWrite(qb, context.db).getOne();
}

/** The grid whose boundary must hold this one's: a micro-grid's parent, else the community total grid. */
export async function containerOf(
  context: Context,
  manager: EntityManager,
  grid: Pick<GridEntity, 'type' | 'parentId' | 'communityCode'>,
): Promise<GridEntity | null> {
  const kind = containerKind(grid.type);
  if (kind === 'parent')
    return grid.parentId ? withBoundary(manager).where('grid.id = :id', { id: grid.parentId }).getOne() : null;
  return kind === 'communityTotal' ? lockActiveTotal(context, manager, grid.communityCode) : null;
}
