import type { EntitySchema, ObjectLiteral } from 'typeorm';
import type { Database } from './database.js';
import type { Logger } from './logger.js';
import { inTransaction } from './transaction.js';

/**
 * Inserts demo rows into an empty database in one transaction, in multi-row chunks.
 * A database that already holds rows of `marker` is left as it is: demo data never
 * overwrites real data.
 */
export async function seedEmptyDatabase(
  db: Database,
  marker: EntitySchema,
  logger: Logger,
  fill: (insert: <T extends ObjectLiteral>(entity: EntitySchema<T>, rows: T[]) => Promise<void>) => Promise<void>,
): Promise<boolean> {
  const existing = await db.dataSource.getRepository(marker).count();
  if (existing > 0) {
    logger.info('database has data; demo data not loaded');
    return false;
  }
  await inTransaction(db, async (manager) => {
    await fill(async (entity, rows) => {
      const size = db.kind === 'sqlite' ? 100 : 1000;
      for (let index = 0; index < rows.length; index += size) {
        // Without updateEntity(false) TypeORM writes values read back from MySQL into the
        // inserted objects, so a shared demo world changed under the next seed.
        await manager.createQueryBuilder().insert().into(entity).values(rows.slice(index, index + size) as never).updateEntity(false).execute();
      }
    });
  });
  logger.info('demo data loaded');
  return true;
}
