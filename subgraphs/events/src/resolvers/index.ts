import { DateTime } from '../../../kit/src/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Drill, DrillCommunityResult, DrillParticipant } from './drill.js';
import { Area, EventStats, Grid } from './grid.js';
import { EventAction, GridEvent } from './grid-event.js';
import { GridStaff } from './grid-staff.js';
import { Inspection, InspectionFinding } from './inspection.js';
import { Mutation } from './mutation.js';
import { Person } from './person.js';
import { Query } from './query.js';
import { ProjectRequest, Topic, TopicComment, TopicDecision } from './topic.js';
import { Visit } from './visit.js';

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Area,
  Grid,
  EventStats,
  GridEvent,
  EventAction,
  GridStaff,
  Person,
  Inspection,
  InspectionFinding,
  Visit,
  Drill,
  DrillParticipant,
  DrillCommunityResult,
  Topic,
  TopicComment,
  TopicDecision,
  ProjectRequest,
};
