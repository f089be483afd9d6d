import { packagesLeft } from '../domain/care-drive.js';
import type { CareDeliveryResolvers, CareDriveGridProgressResolvers, CareDriveResolvers } from '../generated/resolvers.js';
import { readable } from './access.js';

export const CareDrive: CareDriveResolvers = {
  __resolveReference: (reference, context) => readable(context).driveById.load(reference.id),
  area: (drive) => ({ code: drive.areaCode }),
  items: (drive, _, { loaders }) => loaders.itemsByDrive.load(drive.id),
  packagesLeft: async (drive, _, { loaders }) => packagesLeft(await loaders.itemsByDrive.load(drive.id)),
  progress: (drive, _, { loaders }) => loaders.driveProgress.load(drive.id),
  followUps: (drive, _, { loaders }) => loaders.followUpsByDrive.load(drive.id),
  deliveries: (drive, { first, after }, { loaders }) => loaders.deliveriesByDrive.load({ value: drive.id, first, after }),
};

export const CareDriveGridProgress: CareDriveGridProgressResolvers = {
  grid: (row) => ({ id: row.gridId, code: row.gridCode }),
};

export const CareDelivery: CareDeliveryResolvers = {
  drive: (delivery, _, { loaders }) => loaders.driveById.load(delivery.driveId),
  person: (delivery) => ({ id: delivery.personId }),
  grid: (delivery) => ({ id: delivery.gridId, code: delivery.areaCode }),
  volunteer: (delivery, _, { loaders }) => (delivery.volunteerId ? loaders.volunteerById.load(delivery.volunteerId) : null),
};
