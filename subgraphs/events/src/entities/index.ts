import { Drill, DrillParticipant } from './drill.js';
import { EventAction } from './event-action.js';
import { EventCategory } from './event-category.js';
import { GridEvent } from './grid-event.js';
import { Inspection, InspectionFinding } from './inspection.js';
import { Topic, TopicComment, TopicDecision, TopicVote } from './topic.js';
import { Visit } from './visit.js';

/** The events database's tables, for the subgraph and for commands that open it alone (check-deadlines). */
export const eventEntities = [
  GridEvent,
  EventAction,
  EventCategory,
  Inspection,
  InspectionFinding,
  Visit,
  Drill,
  DrillParticipant,
  Topic,
  TopicComment,
  TopicVote,
  TopicDecision,
];
