import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Grid } from './grid.js';
import { GridEvent } from './grid-event.js';
import { GridStaff } from './grid-staff.js';
import { Person } from './person.js';
import { Query } from './query.js';

export const resolvers: Resolvers = { DateTime, Query, Grid, GridEvent, GridStaff, Person };
