import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { changed } from '../../../kit/src/sql.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { boundedText } from '../domain/text.js';
import { CareDrive, type CareDriveEntity } from '../entities/care-drive.js';
import { requireStanding } from './shared/actors.js';
import { managedDrive } from './shared/care-drives.js';

/**
 * OPEN → CLOSED, by a worker of the community. The transition is the UPDATE's own
 * condition (`WHERE status = 'OPEN'`): of two closes that both read the drive open, the
 * second changes no row and is refused. Deliveries lock the drive's row and check its
 * status, so none is recorded after the close commits. Targets, deliveries and progress stay.
 */
export async function closeCareDrive(
  context: Context,
  input: { driveId: string; note?: string | null },
): Promise<CareDriveEntity> {
  requireStanding(context);
  const closeNote = input.note ? orRefuse(boundedText(input.note, 0, 200, 'INVALID_NOTE', 'note')).value || null : null;
  const closed = await inTransaction(context.db, async (manager) => {
    const drive = await managedDrive(context, manager, input.driveId);
    if (drive.status !== 'OPEN') refuse(problem('DRIVE_ALREADY_CLOSED', 'driveId'));
    const values = { status: 'CLOSED' as const, closedAt: storedNow(), closedBy: context.viewer.subject, closeNote };
    const result = await manager
      .getRepository(CareDrive)
      .createQueryBuilder()
      .update()
      .set(values)
      .where('id = :id AND status = :open', { id: drive.id, open: 'OPEN' })
      .execute();
    if (!changed(result)) refuse(problem('DRIVE_ALREADY_CLOSED', 'driveId'));
    return { ...drive, ...values };
  });
  context.loaders.driveById.clear(closed.id);
  return closed;
}
