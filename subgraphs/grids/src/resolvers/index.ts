import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Area } from './area.js';
import { Building, GridBoundary, ServiceCard } from './building.js';
import { GeoJSON } from './geojson-scalar.js';
import { Grid } from './grid.js';
import { GridStaff, Person, StaffAssignment } from './grid-staff.js';
import { Mutation } from './mutation.js';
import { PartyBranch, PartyBranchMembership } from './party-branch.js';
import { ServiceBrand } from './service-brand.js';
import { OpeningHours, ServiceStation } from './service-station.js';
import { Query } from './query.js';

export const resolvers: Resolvers = {
  DateTime,
  GeoJSON,
  Query,
  Mutation,
  Area,
  Grid,
  GridBoundary,
  Building,
  ServiceCard,
  GridStaff,
  StaffAssignment,
  Person,
  ServiceStation,
  OpeningHours,
  PartyBranch,
  PartyBranchMembership,
  ServiceBrand,
};
