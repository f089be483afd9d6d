import type { CareDriveGridProgressResolvers } from '../generated/resolvers.js';

export const CareDriveGridProgress: CareDriveGridProgressResolvers = {
  grid: (row) => ({ id: row.gridId, code: row.gridCode }),
};
