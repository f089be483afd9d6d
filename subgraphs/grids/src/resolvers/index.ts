import type { Resolvers } from '../generated/resolvers.js';
import { Area } from './area.js';
import { Grid } from './grid.js';
import { GridStaff, Person } from './grid-staff.js';
import { Query } from './query.js';

export const resolvers: Resolvers = { Query, Area, Grid, GridStaff, Person };
