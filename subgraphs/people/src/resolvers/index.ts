import type { Resolvers } from '../generated/resolvers.js';
import { DateTime } from '../../../kit/src/scalars.js';
import { Grid } from './grid.js';
import { Household } from './household.js';
import { Mutation } from './mutation.js';
import { Person, PersonTag } from './person.js';
import { Query } from './query.js';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Person, PersonTag, Household, Grid };
