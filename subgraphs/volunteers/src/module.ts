import type { SubgraphModule } from '../../kit/src/service.js';
import { createContext, type Context } from './context.js';
import { Activity } from './entities/activity.js';
import { TeamMembership } from './entities/team-membership.js';
import { Volunteer } from './entities/volunteer.js';
import { VolunteerTeam } from './entities/volunteer-team.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { resolvers } from './resolvers/index.js';
import { seedIfEmpty } from './seed.js';

export const volunteersSubgraph: SubgraphModule<Context> = {
  name: 'volunteers',
  entities: [Volunteer, VolunteerTeam, TeamMembership, Activity],
  migrations: [Initial1764400000000],
  resolvers: resolvers as SubgraphModule<Context>['resolvers'],
  createContext,
  seedIfEmpty,
};
