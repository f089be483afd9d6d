import { DateTime } from '../../../kit/src/scalars.js';
import { DateScalar } from './date-scalar.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Area, Building } from './area.js';
import { Grid } from './grid.js';
import { PiiAccessLogEntry, ResidenceMove } from './history.js';
import { Household } from './household.js';
import { Mutation } from './mutation.js';
import { Person } from './person.js';
import { Query } from './query.js';
import { PersonTag } from './tags.js';

export const resolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Person,
  PersonTag,
  Household,
  Grid,
  Area,
  Building,
  ResidenceMove,
  PiiAccessLogEntry,
};
