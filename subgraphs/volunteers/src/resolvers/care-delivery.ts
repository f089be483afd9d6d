import type { CareDeliveryResolvers } from '../generated/resolvers.js';

export const CareDelivery: CareDeliveryResolvers = {
  drive: (delivery, _, { loaders }) => loaders.driveById.load(delivery.driveId),
  person: (delivery) => ({ id: delivery.personId }),
  grid: (delivery) => ({ id: delivery.gridId, code: delivery.areaCode }),
  volunteer: (delivery, _, { loaders }) =>
    delivery.volunteerId ? loaders.volunteerById.load(delivery.volunteerId) : null,
};
