import { requirePermission } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import type { Context } from '../context.js';
import type { AreaLevel } from '../domain/enums.js';
import { Area, type AreaEntity } from '../entities/area.js';
import { areaVisibility } from '../loaders.js';

export const SEARCH_LIMIT = 50;

/** Areas whose name contains the text; `%` and `_` in it are taken literally. */
export function searchAreas(
  context: Context,
  name: string,
  level: AreaLevel | null | undefined,
): Promise<AreaEntity[]> {
  requirePermission(context.viewer, 'grid:read');
  const text = name.trim();
  if (!text || text.length > 32) {
    throw badUserInput('搜索文字应为 1 至 32 个字符', 'name');
  }
  // `!` as the escape character: a backslash means different things to SQLite and MySQL.
  const pattern = `%${text.replace(/[!%_]/g, (character) => `!${character}`)}%`;
  const qb = context.db.dataSource
    .getRepository(Area)
    .createQueryBuilder('area')
    .where("area.name LIKE :pattern ESCAPE '!'", { pattern })
    .orderBy('area.code', 'ASC')
    .limit(SEARCH_LIMIT);
  areaVisibility(context.viewer)(qb, 'area');
  if (level) qb.andWhere('area.level = :level', { level });
  return qb.getMany();
}
