import DataLoader from 'dataloader';
import { In, type DataSource, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, pageSize, type Connection, type GroupPageKey, type GroupPageLoader } from '../../../kit/src/connection.js';
import { whereOverlapsScope } from '../../../kit/src/scope.js';

export interface VisiblePageOptions<T extends ObjectLiteral> {
  /** The property the key picks rows by: an area-code prefix (`prefix`) or a parent id (`equal`). */
  groupBy: keyof T & string;
  match: 'prefix' | 'equal';
  /** Newest first (`DESC`) or oldest first (`ASC`): the ids are time-ordered, so the id alone is the keyset. */
  direction: 'ASC' | 'DESC';
  /** A fixed condition every page shares, e.g. one status. */
  where?: (qb: SelectQueryBuilder<T>, alias: string) => void;
}

const ALIAS = 'row';

/**
 * Pages of deliberation-hall rows (topics of many grids, comments of many topics) in a
 * fixed number of statements however many parents are asked: one finds the ids of every
 * page (a UNION ALL of small indexed selects), one loads the rows, one counts them if
 * asked. The kit's group pages apply the "inside the scope" rule; topics need the rule
 * for rows that serve an area (`whereOverlapsScope`): a micro-grid's residents see the
 * topics of the grids around it. Each select is built by the query builder with that
 * rule, so the SQL of the rule stays in the kit.
 */
export function createVisiblePageLoader<T extends ObjectLiteral & { id: string; areaCode: string }>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  viewer: Viewer,
  options: VisiblePageOptions<T>,
): GroupPageLoader<T> {
  const matching = (value: string) => {
    const qb = dataSource.getRepository(entity).createQueryBuilder(ALIAS);
    const operator = options.match === 'prefix' ? 'LIKE' : '=';
    qb.where(`${ALIAS}.${options.groupBy} ${operator} :value`, { value: options.match === 'prefix' ? `${value}%` : value });
    whereOverlapsScope(qb, viewer, `${ALIAS}.areaCode`);
    options.where?.(qb, ALIAS);
    return qb;
  };
  /** One statement of many keyed selects: `SELECT <index> AS k, … FROM (<select>)`. */
  const unionOf = async <R>(parts: { index: number; qb: SelectQueryBuilder<T>; columns: string }[]): Promise<R[]> => {
    if (!parts.length) return [];
    const params: unknown[] = [];
    const sql = parts.map(({ index, qb, columns }) => {
      const [inner, innerParams] = qb.getQueryAndParameters();
      params.push(...innerParams);
      return `SELECT ${index} AS k, ${columns.replaceAll('$', `p${index}`)} FROM (${inner}) p${index}`;
    });
    return dataSource.query(sql.join(' UNION ALL '), params);
  };

  const counts = new DataLoader<string, number>(async (values) => {
    const parts = values.map((value, index) => ({ index, qb: matching(value).select('COUNT(*)', 'n'), columns: '$.n AS n' }));
    const rows = await unionOf<{ k: number | string; n: number | string }>(parts);
    const byIndex = new Map(rows.map((row) => [Number(row.k), Number(row.n)]));
    return values.map((_, index) => byIndex.get(index) ?? 0);
  });

  const beyond = options.direction === 'ASC' ? '>' : '<';
  const before = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * (options.direction === 'ASC' ? 1 : -1);
  const pages = new DataLoader<GroupPageKey, Connection<T>, string>(
    async (keys) => {
      const limits = keys.map((key) => pageSize(key.first));
      const parts = keys.flatMap((key, index) => {
        const limit = limits[index] ?? DEFAULT_PAGE_SIZE;
        if (limit === 0) return [];
        const qb = matching(key.value).select(`${ALIAS}.id`, 'id');
        if (key.after) qb.andWhere(`${ALIAS}.id ${beyond} :after`, { after: decodeCursor(key.after)[1] });
        return [{ index, qb: qb.orderBy(`${ALIAS}.id`, options.direction).limit(limit + 1), columns: '$.id AS id' }];
      });
      const found = await unionOf<{ k: number | string; id: string }>(parts);
      const ids = [...new Set(found.map((row) => row.id))];
      const rows = ids.length ? await dataSource.getRepository(entity).findBy({ id: In(ids) } as never) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return keys.map((key, index) => {
        const limit = limits[index] ?? DEFAULT_PAGE_SIZE;
        const page = found
          .filter((row) => Number(row.k) === index)
          .map((row) => byId.get(row.id))
          .filter((row): row is T => row !== undefined)
          .sort(before);
        const edges = page.slice(0, limit).map((node) => ({ node, cursor: encodeCursor(node.id, node.id) }));
        let total: Promise<number> | undefined;
        return {
          edges,
          pageInfo: {
            hasNextPage: page.length > limit,
            hasPreviousPage: false,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
          },
          totalCount: () => (total ??= counts.load(key.value)),
        };
      });
    },
    { cacheKeyFn: (key) => `${key.value}|${key.first ?? ''}|${key.after ?? ''}` },
  );
  return {
    // Arguments are checked before batching, so one bad `first` fails its own field only.
    load: (key) => {
      pageSize(key.first);
      if (key.after) decodeCursor(key.after);
      return pages.load(key);
    },
  };
}
