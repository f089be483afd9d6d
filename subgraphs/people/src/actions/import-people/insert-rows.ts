import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';

/**
 * Kept until the kit's `bulkInsert` can be told its rows per statement: the kit writes 100
 * rows per statement on SQLite, so an import of 1,000 rows would take ten statements where
 * it takes one (test/people/import.test.ts counts them). Same signature as the kit's, so
 * the swap is this file's deletion and one import line in write-import.ts.
 *
 * A multi-row INSERT written with positional placeholders. TypeORM's insert builder names
 * and escapes every parameter of a thousand-row statement one by one, which costs more than
 * the database's own work; here each value only goes through the driver's conversion (dates
 * to the stored text on SQLite, booleans to numbers). With `upsert`, a row whose id exists
 * updates those columns instead: ON CONFLICT on SQLite, ON DUPLICATE KEY on MySQL.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntitySchema<T>, rows: readonly T[], options: { upsert?: readonly (keyof T & string)[] } = {}): Promise<void> {
  const { upsert } = options;
  if (!rows.length) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns;
  const quote = (name: string) => driver.escape(name);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const values = rows.flatMap((row) => columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column)));
  let sql = `INSERT INTO ${quote(metadata.tableName)} (${columns.map((column) => quote(column.databaseName)).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`;
  if (upsert?.length) {
    const updated = upsert.map((property) => quote(metadata.findColumnWithPropertyName(property)!.databaseName));
    sql +=
      manager.connection.options.type === 'mysql'
        ? ` ON DUPLICATE KEY UPDATE ${updated.map((column) => `${column} = VALUES(${column})`).join(', ')}`
        : ` ON CONFLICT (${quote(metadata.primaryColumns[0]!.databaseName)}) DO UPDATE SET ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  }
  await manager.query(sql, values);
}
