import DataLoader from 'dataloader';
import { Brackets, type DataSource, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

type Restrict<T extends ObjectLiteral> = (qb: SelectQueryBuilder<T>, alias: string) => void;

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
  options: { restrict?: Restrict<T>; orderBy?: keyof T & string } = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (prefixes) => {
    const alias = 'row';
    const qb = dataSource.getRepository(entity).createQueryBuilder(alias);
    qb.where(
      new Brackets((inner) => {
        prefixes.forEach((prefix, index) => inner.orWhere(`${alias}.${property} LIKE :prefix${index}`, { [`prefix${index}`]: `${prefix}%` }));
      }),
    );
    options.restrict?.(qb, alias);
    if (options.orderBy) qb.orderBy(`${alias}.${options.orderBy}`, 'ASC').addOrderBy(`${alias}.id`, 'ASC');
    const rows = await qb.getMany();
    return prefixes.map((prefix) => rows.filter((row) => String(row[property]).startsWith(prefix)));
  });
}
