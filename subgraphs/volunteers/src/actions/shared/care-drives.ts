import type { EntityManager } from 'typeorm';
import { refuse } from '../../../../kit/src/problems.js';
import { inScope } from '../../../../kit/src/scope.js';
import type { Context } from '../../context.js';
import { isWorkerFor } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { CareDrive, type CareDriveEntity } from '../../entities/care-drive.js';

/** A drive the viewer manages (a worker of its community), read inside the caller's transaction. */
export async function managedDrive(
  context: Context,
  manager: EntityManager,
  driveId: string,
): Promise<CareDriveEntity> {
  const drive = await manager.getRepository(CareDrive).findOneBy({ id: driveId });
  if (!drive || !inScope(context.viewer, drive.areaCode)) refuse(problem('DRIVE_NOT_FOUND', 'driveId'));
  if (!isWorkerFor(context.viewer, drive.areaCode)) refuse(problem('NOT_DRIVE_MANAGER', 'driveId'));
  return drive;
}
