import { readable } from '../context.js';
import { packagesLeft } from '../domain/care-drive.js';
import type { CareDriveResolvers } from '../generated/resolvers.js';

export const CareDrive: CareDriveResolvers = {
  __resolveReference: (reference, context) => readable(context).driveById.load(reference.id),
  area: (drive) => ({ code: drive.areaCode }),
  items: (drive, _, { loaders }) => loaders.itemsByDrive.load(drive.id),
  packagesLeft: async (drive, _, { loaders }) => packagesLeft(await loaders.itemsByDrive.load(drive.id)),
  progress: (drive, _, { loaders }) => loaders.driveProgress.load(drive.id),
  followUps: (drive, _, { loaders }) => loaders.followUpsByDrive.load(drive.id),
  deliveries: (drive, { first, after }, { loaders }) =>
    loaders.deliveriesByDrive.load({ value: drive.id, first, after }),
};
