import DataLoader from 'dataloader';
import type { Viewer } from './auth.js';
import { whereInScope, whereOverlapsScope } from './scope.js';
import { Brackets, type DataSource, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** Adds a visibility rule (scope, status) to a loader's statement. */
export type Restrict<T extends ObjectLiteral = ObjectLiteral> = (qb: SelectQueryBuilder<T>, alias: string) => void;

interface LoaderOptions<T extends ObjectLiteral> {
  /** Adds the visibility rule (scope) to the statement, so rows outside it are never read. */
  restrict?: Restrict<NoInfer<T>>;
  /** Order of rows inside a group, e.g. `code`. */
  orderBy?: keyof T & string;
}

function select<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  property: keyof T & string,
  keys: readonly string[],
  options: LoaderOptions<T>,
): Promise<T[]> {
  const alias = 'row';
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(`${alias}.${property} IN (:...keys)`, { keys: [...keys] });
  options.restrict?.(qb, alias);
  if (options.orderBy) qb.orderBy(`${alias}.${options.orderBy}`, 'ASC');
  return qb.getMany();
}

/** One row per key (an id, a code), `null` where none is visible; one statement per batch. */
export function createRowLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  property: keyof T & string,
  options: LoaderOptions<T> = {},
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await select(dataSource, entity, property, keys, options);
    const byKey = new Map(rows.map((row) => [String(row[property]), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows per key (children of a parent, members of a team); one statement per batch. */
export function createGroupLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  property: keyof T & string,
  options: LoaderOptions<T> = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await select(dataSource, entity, property, keys, options);
    const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(String(row[property]))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** The rows a `loadMany` found, in order: a failed key rethrows, a missing one is dropped. */
export function present<T>(values: readonly (T | null | Error)[]): T[] {
  const found: T[] = [];
  for (const value of values) {
    if (value instanceof Error) throw value;
    if (value !== null) found.push(value);
  }
  return found;
}

/**
 * All rows whose code column starts with each key (a grid's stations, an area's brands),
 * for many keys in one statement: `(code LIKE 'k1%' OR code LIKE 'k2%' ...)` plus the
 * visibility rule. A row under two keys (a community and one of its grids) goes to both.
 * Keys are area or grid codes, digits only, so they are safe inside LIKE patterns.
 */
export function createPrefixGroupLoader<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntitySchema<T>,
  property: keyof T & string,
  options: LoaderOptions<T> = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (prefixes) => {
    const alias = 'row';
    const qb = dataSource.getRepository(entity).createQueryBuilder(alias);
    qb.where(
      new Brackets((inner) => {
        prefixes.forEach((prefix, index) => {
          inner.orWhere(`${alias}.${property} LIKE :prefix${index}`, { [`prefix${index}`]: `${prefix}%` });
        });
      }),
    );
    options.restrict?.(qb, alias);
    if (options.orderBy) qb.orderBy(`${alias}.${options.orderBy}`, 'ASC').addOrderBy(`${alias}.id`, 'ASC');
    const rows = await qb.getMany();
    return prefixes.map((prefix) => rows.filter((row) => String(row[property]).startsWith(prefix)));
  });
}

/** The loader rule for rows that sit in an area (DESIGN rule 4): `property` starts with a scope prefix. */
export function inScopeRule<T extends ObjectLiteral>(viewer: Viewer, property = 'areaCode'): Restrict<T> {
  return (qb, alias) => {
    whereInScope(qb, viewer, `${alias}.${property}`);
  };
}

/** The loader rule for rows that serve an area (a team, a branch, the street itself): inside the scope or on the path above it. */
export function overlapsScopeRule<T extends ObjectLiteral>(viewer: Viewer, property = 'areaCode'): Restrict<T> {
  return (qb, alias) => {
    whereOverlapsScope(qb, viewer, `${alias}.${property}`);
  };
}
