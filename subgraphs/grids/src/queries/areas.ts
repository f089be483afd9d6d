import { parseExactAreaCode } from '../../../kit/src/area-code.js';
import { requirePermission } from '../../../kit/src/auth.js';
import type { Context } from '../context.js';
import type { AreaLevel } from '../domain/enums.js';
import { Area, type AreaEntity } from '../entities/area.js';
import { areaVisibility } from '../loaders.js';

/**
 * The visible areas of a level, or the children of an area, in code order. Children
 * alone (no level) go through the per-request loader, which batches them.
 */
export async function listAreas(
  context: Context,
  level: AreaLevel | null | undefined,
  parentCodeArgument: string | null | undefined,
): Promise<AreaEntity[]> {
  requirePermission(context.viewer, 'grid:read');
  const parentCode = parseExactAreaCode('parentCode', parentCodeArgument);
  if (parentCode && !level) return context.loaders.areasByParent.load(parentCode);
  const qb = context.db.dataSource.getRepository(Area).createQueryBuilder('area').orderBy('area.code', 'ASC');
  areaVisibility(context.viewer)(qb, 'area');
  if (level) qb.andWhere('area.level = :level', { level });
  if (parentCode) qb.andWhere('area.parentCode = :parent', { parent: parentCode });
  return qb.getMany();
}
