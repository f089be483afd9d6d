import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Area } from './entities/area.js';
import { Building } from './entities/building.js';
import { Grid } from './entities/grid.js';
import { GridCell } from './entities/grid-cell.js';
import { GridStaff } from './entities/grid-staff.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember } from './entities/party-branch.js';
import { ServiceBrand, ServiceBrandGrid } from './entities/service-brand.js';
import { ServiceStation } from './entities/service-station.js';
import { StaffAssignment } from './entities/staff-assignment.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { GridDomain1764500000000 } from './migrations/1764500000000-grid-domain.js';
import { CommunityLife1764600000000 } from './migrations/1764600000000-community-life.js';
import { resolvers } from './resolvers/index.js';

export const gridsSubgraph: SubgraphModule<Context> = {
  name: 'grids',
  entities: [
    Area,
    Grid,
    GridCell,
    Building,
    GridStaff,
    StaffAssignment,
    ServiceStation,
    PartyBranch,
    PartyBranchGrid,
    PartyBranchMember,
    ServiceBrand,
    ServiceBrandGrid,
  ],
  migrations: [Initial1764400000000, GridDomain1764500000000, CommunityLife1764600000000],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  // Loaded only when demo data is asked for: the demo generator stays off the production import path.
  seedIfEmpty: async (db, options, logger) => (await import('./seed.js')).seedIfEmpty(db, options, logger),
};
