import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { changed, latestRow, lockRow } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import type { DeliveryOutcome } from '../domain/care-drive.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import { boundedText } from '../domain/text.js';
import {
  CareDelivery,
  type CareDeliveryEntity,
  CareDrive,
  CareDriveItem,
  CareDriveTarget,
} from '../entities/care-drive.js';
import { ownVolunteer, requireStanding } from './shared/actors.js';

export interface RecordCareDeliveryInput {
  driveId: string;
  personId: string;
  outcome: DeliveryOutcome;
  note?: string | null;
  followUpRequested?: boolean | null;
}

/**
 * A visit with a package, recorded by whoever made it: a volunteer records their own (the
 * token's person), a worker of the target's grid records theirs. A package DELIVERED takes
 * its items from stock in the same transaction; none reaches a person twice.
 */
export async function recordCareDelivery(
  context: Context,
  input: RecordCareDeliveryInput,
): Promise<CareDeliveryEntity> {
  requireStanding(context);
  const note = input.note ? orRefuse(boundedText(input.note, 0, 200, 'INVALID_NOTE', 'note')).value || null : null;
  const { db } = context;
  const own = await ownVolunteer(context);
  try {
    return await inTransaction(db, async (manager) => {
      await lockRow(manager, db, CareDrive, input.driveId);
      const drive = await manager.getRepository(CareDrive).findOneBy({ id: input.driveId });
      if (!drive || !inScope(context.viewer, drive.areaCode)) refuse(problem('DRIVE_NOT_FOUND', 'driveId'));
      const target = await manager
        .getRepository(CareDriveTarget)
        .findOneBy({ driveId: drive.id, personId: input.personId });
      if (!target) refuse(problem('NOT_A_TARGET', 'personId'));
      const byWorker = isWorkerFor(context.viewer, target.areaCode);
      if (!byWorker && !own) refuse(problem('NOT_A_VOLUNTEER', 'personId'));
      if (drive.status !== 'OPEN') refuse(problem('DRIVE_CLOSED', 'driveId'));
      if (target.lastOutcome === 'DELIVERED') refuse(problem('ALREADY_DELIVERED', 'personId'));
      const delivered = input.outcome === 'DELIVERED';
      if (delivered) {
        for (const item of await manager.getRepository(CareDriveItem).findBy({ driveId: drive.id })) {
          const taken = await manager
            .getRepository(CareDriveItem)
            .createQueryBuilder()
            .update()
            .set({ stock: () => 'stock - per_package' })
            .where('id = :id AND stock >= per_package', { id: item.id })
            .execute();
          if (!changed(taken)) {
            const now = await latestRow(manager, db, CareDriveItem, item.id);
            refuse(
              problem('PACKAGES_OUT_OF_STOCK', 'driveId', {
                item: now.name,
                stock: now.stock,
                perPackage: now.perPackage,
              }),
            );
          }
        }
      }
      const delivery: CareDeliveryEntity = {
        id: newId(),
        driveId: drive.id,
        personId: target.personId,
        gridId: target.gridId,
        areaCode: target.areaCode,
        outcome: input.outcome,
        deliveredPersonId: delivered ? target.personId : null,
        // A worker's visit is the worker's; anyone else's is their own volunteer profile's.
        volunteerId: byWorker ? null : own!.id,
        recordedBy: context.viewer.subject,
        recordedAt: storedNow(),
        note,
        followUpRequested: input.followUpRequested ?? false,
        confirmedAt: null,
      };
      await manager.getRepository(CareDelivery).insert(delivery);
      await manager
        .getRepository(CareDriveTarget)
        .update({ driveId: drive.id, personId: target.personId }, { lastOutcome: input.outcome });
      return delivery;
    });
  } catch (error) {
    // The unique index is the last word when two requests race past the check.
    if (isUniqueViolation(error)) refuse(problem('ALREADY_DELIVERED', 'personId'));
    throw error;
  }
}
