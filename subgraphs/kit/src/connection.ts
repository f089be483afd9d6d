import DataLoader from 'dataloader';
import { In, type DataSource, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from './auth.js';
import { badUserInput } from './errors.js';
import { overlapsScopeSql, scopeSql } from './scope.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A Relay connection whose total is counted only when a client asks for it. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

type SortValue = string | number | Date;

/** Cursor values keep their type: a Date sort key comes back as a Date for the comparison. */
export function encodeCursor(sortValue: SortValue, id: string): string {
  const value = sortValue instanceof Date ? { date: sortValue.toISOString() } : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      const [sort, id] = value as [unknown, string];
      if (typeof sort === 'string' || typeof sort === 'number') return [sort, id];
      if (sort && typeof sort === 'object' && typeof (sort as { date?: unknown }).date === 'string') {
        const date = new Date((sort as { date: string }).date);
        if (!Number.isNaN(date.getTime())) return [date, id];
      }
    }
  } catch {
    // fall through to the user-facing error
  }
  throw badUserInput('分页游标无效', 'after');
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badUserInput('first 必须是非负整数', 'first');
  if (first > MAX_PAGE_SIZE) throw badUserInput(`first 不能超过 ${MAX_PAGE_SIZE}`, 'first');
  return first;
}

export interface KeysetOptions<T> {
  /** Query alias, e.g. `grid`. */
  alias: string;
  /** Property to order by before the id, e.g. `code` or `reportedAt`; the id alone when absent. */
  sortBy?: keyof T & string;
  /** `DESC` for newest first; the id breaks ties in the same direction. */
  direction?: 'ASC' | 'DESC';
  /**
   * Find the page's ids first, in a derived table, then join the rows (a deferred join):
   * with an index that holds the sort key, the id and the filtered columns, the database
   * walks index entries only and reads just the page's rows. Still one statement.
   */
  deferredJoin?: boolean;
}

/**
 * Keyset pagination over a filtered query: one statement for the page (first + 1 rows to
 * know whether more follow) and, only when `totalCount` is read, one for the count.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  options: KeysetOptions<T>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const { alias } = options;
  const sortBy = options.sortBy ?? 'id';
  const countQuery = qb.clone();
  const page = qb.clone();
  const direction = options.direction ?? 'ASC';
  const beyond = direction === 'ASC' ? '>' : '<';
  if (args.after) {
    const [sortValue, id] = decodeCursor(args.after);
    if (sortBy === 'id') page.andWhere(`${alias}.id ${beyond} :afterId`, { afterId: id });
    else
      page.andWhere(
        `(${alias}.${sortBy} ${beyond} :afterSort OR (${alias}.${sortBy} = :afterSort AND ${alias}.id ${beyond} :afterId))`,
        { afterSort: sortValue, afterId: id },
      );
  }
  const ordered = (query: SelectQueryBuilder<T>, on: string) =>
    sortBy !== 'id'
      ? query.orderBy(`${on}.${sortBy}`, direction).addOrderBy(`${on}.id`, direction)
      : query.orderBy(`${on}.id`, direction);
  let rows: T[] = [];
  if (limit > 0 && options.deferredJoin) {
    const ids = ordered(page.select(`${alias}.id`, 'page_id'), alias).limit(limit + 1);
    const joined = qb.connection
      .getRepository<T>(qb.expressionMap.mainAlias!.target)
      .createQueryBuilder(alias)
      .innerJoin(`(${ids.getQuery()})`, 'page', `page.page_id = ${alias}.id`)
      .setParameters(ids.getParameters());
    rows = await ordered(joined, alias).getMany();
  } else if (limit > 0) {
    rows = await ordered(page, alias)
      .limit(limit + 1)
      .getMany();
  }
  return toConnection(
    rows,
    limit,
    (row) => row[sortBy] as SortValue,
    () => countQuery.getCount(),
  );
}

function toConnection<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValue: (row: T) => SortValue,
  count: () => Promise<number>,
): Connection<T> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sortValue(node), node.id) }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => (total ??= count()),
  };
}

export interface GroupPageKey {
  /** The value that picks the group's rows: an area-code prefix, or a foreign key. */
  value: string;
  first?: number | null;
  after?: string | null;
}

export interface GroupPageOptions<T> {
  /** The property the key picks rows by. */
  groupBy: keyof T & string;
  /** `prefix` for area codes (a grid's residents live under its code), `equal` for foreign keys. */
  match: 'prefix' | 'equal';
  /** The property the viewer's scope applies to. */
  areaCodeProperty: keyof T & string;
  /**
   * Fixed conditions every page shares: a value (`null` for IS NULL) or a list of values
   * (IN), e.g. `{ status: 'ACTIVE' }` or `{ status: ['DISPATCHED', 'ACCEPTED'] }`.
   */
  filter?: { [K in keyof T]?: string | number | boolean | null | readonly (string | number)[] };
  /** Page order: `ASC` (the default) or `DESC`, newest first where ids are time-ordered; the id is the keyset either way. */
  direction?: 'ASC' | 'DESC';
  /**
   * Which scope rule applies: `inside` (the default, DESIGN rule 4), or `overlaps` for rows
   * that serve an area rather than sit in it (a grid's deliberation topics): visible inside
   * the viewer's scope and on the path above it, as `whereOverlapsScope` says.
   */
  scope?: 'inside' | 'overlaps';
}

/**
 * Pages of rows for many parents at once, for fields such as `Grid.residents` asked of a
 * hundred grids: one statement finds the ids of every page (a UNION ALL of small indexed
 * selects), one loads the rows, and one counts them if asked. The number of statements
 * depends on the query's shape, never on how many parents it has.
 */
export function createGroupPageLoader<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  viewer: Viewer,
  options: GroupPageOptions<T>,
): GroupPageLoader<T> {
  const metadata = dataSource.getMetadata(entity);
  const quote = (name: string) => dataSource.driver.escape(name);
  const table = quote(metadata.tableName);
  const groupColumn = quote(columnName(metadata, options.groupBy));
  const areaColumn = quote(columnName(metadata, options.areaCodeProperty));
  const idColumn = quote(columnName(metadata, 'id'));
  const scope = options.scope === 'overlaps' ? overlapsScopeSql(viewer, areaColumn) : scopeSql(viewer, areaColumn);
  const filters: string[] = [];
  const filterParams: unknown[] = [];
  for (const [property, value] of Object.entries(options.filter ?? {})) {
    const column = quote(columnName(metadata, property));
    if (value === null) filters.push(`${column} IS NULL`);
    else if (Array.isArray(value)) {
      filters.push(value.length ? `${column} IN (${value.map(() => '?').join(', ')})` : '1 = 0');
      filterParams.push(...value);
    } else {
      filters.push(`${column} = ?`);
      // better-sqlite3 binds no booleans.
      filterParams.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  const where = [`${groupColumn} ${options.match === 'prefix' ? 'LIKE' : '='} ?`, scope.sql, ...filters].join(' AND ');
  const whereParams = (value: string) => [
    options.match === 'prefix' ? `${value}%` : value,
    ...scope.params,
    ...filterParams,
  ];
  const direction = options.direction ?? 'ASC';
  const beyond = direction === 'ASC' ? '>' : '<';
  const order = direction === 'ASC' ? 1 : -1;

  const counts = new DataLoader<string, number>(async (values) => {
    const params: unknown[] = [];
    const sql = values
      .map((value, index) => {
        params.push(index, ...whereParams(value));
        return `SELECT ? AS k, COUNT(*) AS n FROM ${table} WHERE ${where}`;
      })
      .join(' UNION ALL ');
    const rows: { k: number | string; n: number | string }[] = await dataSource.query(sql, params);
    const byIndex = new Map(rows.map((row) => [Number(row.k), Number(row.n)]));
    return values.map((_, index) => byIndex.get(index) ?? 0);
  });

  const pages = new DataLoader<GroupPageKey, Connection<T>, string>(
    async (keys) => {
      const params: unknown[] = [];
      const selects: string[] = [];
      const limits = keys.map((key) => pageSize(key.first));
      keys.forEach((key, index) => {
        const limit = limits[index] ?? DEFAULT_PAGE_SIZE;
        if (limit === 0) return;
        const after = key.after ? decodeCursor(key.after)[1] : null;
        params.push(index, ...whereParams(key.value));
        if (after !== null) params.push(after);
        selects.push(
          `SELECT * FROM (SELECT ? AS k, ${idColumn} AS id FROM ${table} WHERE ${where}` +
            `${after !== null ? ` AND ${idColumn} ${beyond} ?` : ''} ORDER BY ${idColumn} ${direction} LIMIT ${limit + 1}) AS p${index}`,
        );
      });
      const found: { k: number | string; id: string }[] = selects.length
        ? await dataSource.query(selects.join(' UNION ALL '), params)
        : [];
      const ids = [...new Set(found.map((row) => row.id))];
      const rows = ids.length ? await dataSource.getRepository(entity).findBy({ id: In(ids) } as never) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return keys.map((key, index) => {
        const page = found
          .filter((row) => Number(row.k) === index)
          .map((row) => byId.get(row.id))
          .filter((row): row is T => row !== undefined)
          .sort((a, b) => (a.id < b.id ? -order : a.id > b.id ? order : 0));
        return toConnection(
          page,
          limits[index] ?? DEFAULT_PAGE_SIZE,
          (row) => row.id,
          () => counts.load(key.value),
        );
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

export interface GroupPageLoader<T> {
  load(key: GroupPageKey): Promise<Connection<T>>;
}

function columnName(
  metadata: { findColumnWithPropertyName(name: string): { databaseName: string } | undefined },
  property: string,
): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column for property ${property}`);
  return column.databaseName;
}
