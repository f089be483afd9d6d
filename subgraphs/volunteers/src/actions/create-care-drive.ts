import { GraphQLError } from 'graphql';
import { refuse, refuseIf } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { isWorkerFor } from '../domain/access.js';
import { checkDrive, type DriveRequest } from '../domain/care-drive.js';
import { newId } from '../domain/ids.js';
import { problem } from '../domain/problems.js';
import {
  CareDrive,
  type CareDriveEntity,
  CareDriveItem,
  CareDriveTarget,
  type CareDriveTargetEntity,
} from '../entities/care-drive.js';
import { taggedPeople } from '../graph/tagged-people.js';
import { requireStanding } from './shared/actors.js';

/** A worker of the community starts a drive for its people carrying a tag, with the items of a package. */
export async function createCareDrive(context: Context, input: DriveRequest): Promise<CareDriveEntity> {
  requireStanding(context);
  const checked = checkDrive(input);
  refuseIf(checked.problems);
  const values = checked.drive!;
  if (!isWorkerFor(context.viewer, values.areaCode)) refuse(problem('NOT_DRIVE_MANAGER', 'areaCode'));
  // The people subgraph refuses an unknown tag (GRAPH_REQUEST_FAILED); an outage stays an error.
  const targets = await taggedPeople(context, values.areaCode, values.targetTag).catch((error: unknown) => {
    if (error instanceof GraphQLError && error.extensions.code === 'GRAPH_REQUEST_FAILED')
      refuse(problem('NO_TARGETS', 'targetTag'));
    throw error;
  });
  if (targets.length === 0) refuse(problem('NO_TARGETS', 'targetTag'));
  const drive: CareDriveEntity = {
    id: newId(),
    areaCode: values.areaCode,
    title: values.title,
    targetTag: values.targetTag,
    status: 'OPEN',
    targetCount: targets.length,
    createdBy: context.viewer.subject,
    createdAt: storedNow(),
    closedAt: null,
    closedBy: null,
    closeNote: null,
  };
  await inTransaction(context.db, async (manager) => {
    await manager.getRepository(CareDrive).insert(drive);
    await manager
      .getRepository(CareDriveItem)
      .insert(values.items.map((item) => ({ ...item, id: newId(), driveId: drive.id })));
    const rows: CareDriveTargetEntity[] = targets.map((target) => ({
      ...target,
      driveId: drive.id,
      lastOutcome: null,
    }));
    for (let start = 0; start < rows.length; start += 200)
      await manager.getRepository(CareDriveTarget).insert(rows.slice(start, start + 200));
  });
  return drive;
}
