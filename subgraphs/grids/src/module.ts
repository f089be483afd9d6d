import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Area } from './entities/area.js';
import { Grid } from './entities/grid.js';
import { GridStaff, StaffAssignment } from './entities/grid-staff.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { resolvers } from './resolvers/index.js';
import { seedIfEmpty } from './seed.js';

export const gridsSubgraph: SubgraphModule<Context> = {
  name: 'grids',
  entities: [Area, Grid, GridStaff, StaffAssignment],
  migrations: [Initial1764400000000],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  seedIfEmpty,
};
