import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Activity } from './activity.js';
import { Grid, Person } from './extended.js';
import { Query } from './query.js';
import { Volunteer } from './volunteer.js';
import { Area, VolunteerTeam } from './volunteer-team.js';

export const resolvers: Resolvers = { DateTime, Query, Volunteer, VolunteerTeam, Activity, Person, Grid, Area };
