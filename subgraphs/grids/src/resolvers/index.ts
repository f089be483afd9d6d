import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Area } from './area.js';
import { Building, GridBoundary, ServiceCard } from './building.js';
import { GeoJSON } from './geojson-scalar.js';
import { Grid } from './grid.js';
import { GridStaff, Person, StaffAssignment } from './grid-staff.js';
import { Mutation } from './mutation.js';
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
};
