import { orRefuse, refuse, refuseIf } from '../../../kit/src/problems.js';
import { changed, lockRow } from '../../../kit/src/sql.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { checkRestock, matchRestock, MAX_ITEM_STOCK, type RestockLine } from '../domain/care-drive.js';
import { problem } from '../domain/problems.js';
import { CareDrive, type CareDriveEntity, CareDriveItem } from '../entities/care-drive.js';
import { requireStanding } from './shared/actors.js';
import { managedDrive } from './shared/care-drives.js';

/**
 * A worker of the community adds stock to items of an open drive. Each line is one
 * `stock = stock + n` UPDATE, so it adds up with deliveries taking stock at the same time;
 * the ceiling sits in the same statement. A refused line rolls every line back.
 */
export async function restockCareDrive(
  context: Context,
  input: { driveId: string; items: readonly RestockLine[] },
): Promise<CareDriveEntity> {
  requireStanding(context);
  refuseIf(checkRestock(input.items));
  const { db } = context;
  const drive = await inTransaction(db, async (manager) => {
    // Locked first: a close waits for the restock, or the restock sees the drive closed.
    await lockRow(manager, db, CareDrive, input.driveId);
    const drive = await managedDrive(context, manager, input.driveId);
    if (drive.status !== 'OPEN') refuse(problem('DRIVE_CLOSED', 'driveId'));
    const items = await manager.getRepository(CareDriveItem).findBy({ driveId: drive.id });
    const { matched } = orRefuse(matchRestock(input.items, items));
    for (const { item, quantity } of matched) {
      const added = await manager
        .getRepository(CareDriveItem)
        .createQueryBuilder()
        .update()
        .set({ stock: () => 'stock + :quantity' })
        .where('id = :id AND stock <= :ceiling', { id: item.id, quantity, ceiling: MAX_ITEM_STOCK - quantity })
        .execute();
      if (!changed(added)) refuse(problem('DRIVE_STOCK_LIMIT', 'items', { item: item.name, limit: MAX_ITEM_STOCK }));
    }
    return drive;
  });
  context.loaders.itemsByDrive.clear(drive.id);
  return drive;
}
