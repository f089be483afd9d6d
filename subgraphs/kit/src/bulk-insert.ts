import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';

type ColumnMetadata = ReturnType<EntityManager['connection']['getMetadata']>['columns'][number];

/** Rows per statement: SQLite binds at most 32,766 parameters, MySQL takes 16 MB packets by default. */
const ROWS_PER_STATEMENT = { sqlite: 100, mysql: 1000 } as const;

/**
 * Inserts many rows in multi-row statements written from the entity's metadata, with each
 * value prepared by the driver exactly as TypeORM's insert would prepare it. TypeORM's
 * query builder names every value as a parameter and looks each name up again in growing
 * maps: at a few hundred thousand rows that took most of a demo fill's time. Nothing is
 * written back into the rows, so a shared demo world stays as it was.
 *
 * On MySQL the rows go in primary-key order: InnoDB keeps a table in that order, so
 * sorted rows are appended to the last page instead of splitting pages all over a table
 * larger than the buffer pool. SQLite keeps the given order (tests read it back).
 *
 * Entities with generated, version or discriminator columns take the query builder, which
 * knows how to fill those; the demo has none.
 */
export interface BulkInsertOptions<T> {
  /**
   * Upsert: a row whose primary key exists updates these columns instead (ON DUPLICATE
   * KEY UPDATE on MySQL, ON CONFLICT DO UPDATE on SQLite).
   */
  upsert?: readonly (keyof T & string)[];
  /** Rows per statement, when the caller knows its rows are narrow enough for more (an import of a few columns). */
  rowsPerStatement?: number;
}

export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  rows: readonly T[],
  options: BulkInsertOptions<T> = {},
): Promise<void> {
  if (!rows.length) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const sqlite = driver.options.type === 'better-sqlite3';
  const size = options.rowsPerStatement ?? (sqlite ? ROWS_PER_STATEMENT.sqlite : ROWS_PER_STATEMENT.mysql);
  const columns = metadata.columns.filter((column) => column.isInsert);
  if (columns.some((column) => needsQueryBuilder(column) || driver.spatialTypes.includes(column.type))) {
    for (let index = 0; index < rows.length; index += size) {
      const insert = manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(index, index + size) as never)
        .updateEntity(false);
      if (options.upsert?.length) {
        insert.orUpdate(
          options.upsert.map((property) => columnName(metadata, property)),
          metadata.primaryColumns.map((column) => column.databaseName),
        );
      }
      await insert.execute();
    }
    return;
  }
  // SQLite has no DEFAULT in VALUES: TypeORM writes the column's default there, or NULL.
  const missing = columns.map((column) =>
    sqlite
      ? column.default !== undefined && column.default !== null
        ? driver.normalizeDefault(column)
        : 'NULL'
      : 'DEFAULT',
  );
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)}(${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const order = sqlite ? null : primaryKeyOrder(rows, metadata.primaryColumns);
  const tail = options.upsert?.length ? upsertClause(manager, metadata, options.upsert) : '';
  for (let start = 0; start < rows.length; start += size) {
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (let index = start; index < Math.min(start + size, rows.length); index += 1) {
      const row = rows[order ? (order[index] as number) : index] as T;
      const values = columns.map((column, position) => {
        const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
        if (value === undefined) return missing[position];
        parameters.push(value);
        return '?';
      });
      tuples.push(`(${values.join(', ')})`);
    }
    await manager.query(head + tuples.join(', ') + tail, parameters);
  }
}

type EntityMetadata = ReturnType<EntityManager['connection']['getMetadata']>;

function columnName(metadata: EntityMetadata, property: string): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return column.databaseName;
}

function upsertClause(manager: EntityManager, metadata: EntityMetadata, properties: readonly string[]): string {
  const { driver } = manager.connection;
  const updated = properties.map((property) => driver.escape(columnName(metadata, property)));
  if (driver.options.type === 'mysql')
    return ` ON DUPLICATE KEY UPDATE ${updated.map((column) => `${column} = VALUES(${column})`).join(', ')}`;
  const keys = metadata.primaryColumns.map((column) => driver.escape(column.databaseName)).join(', ');
  return ` ON CONFLICT (${keys}) DO UPDATE SET ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`;
}

/** Positions of the rows sorted by primary key (strings by code unit, as the demo's ASCII keys collate). */
function primaryKeyOrder(rows: readonly ObjectLiteral[], primary: ColumnMetadata[]): Uint32Array {
  const keys = primary.map((column) => rows.map((row) => column.getEntityValue(row) as string | number));
  const order = Uint32Array.from(rows.keys());
  order.sort((a, b) => {
    for (const key of keys) {
      const x = key[a] as string | number;
      const y = key[b] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a - b;
  });
  return order;
}

function needsQueryBuilder(column: ColumnMetadata): boolean {
  return (
    column.isGenerated ||
    column.isVersion ||
    column.isDiscriminator ||
    column.isVirtualProperty ||
    column.type === 'jsonb'
  );
}
