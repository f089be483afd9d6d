import { Drill, DrillParticipant } from './entities/drill.js';
import { EventAction } from './entities/event-action.js';
import { EventCategory } from './entities/event-category.js';
import { GridEvent } from './entities/grid-event.js';
import { Inspection, InspectionFinding } from './entities/inspection.js';
import { Topic, TopicComment, TopicDecision, TopicVote } from './entities/topic.js';
import { Visit } from './entities/visit.js';
import { Initial1764400000000 } from './migrations/1764400000000-initial.js';
import { EventDomain1764500000000 } from './migrations/1764500000000-event-domain.js';
import { Deliberation1764600000000 } from './migrations/1764600000000-deliberation.js';
import { StatsCoveringIndex1764900000000 } from './migrations/1764900000000-stats-covering-index.js';
import { EventPageIndex1765000000000 } from './migrations/1765000000000-event-page-index.js';

/** The events database: its entities and its migrations, for the subgraph and for commands that open it alone. */
export const eventEntities = [GridEvent, EventAction, EventCategory, Inspection, InspectionFinding, Visit, Drill, DrillParticipant, Topic, TopicComment, TopicVote, TopicDecision];
export const eventMigrations = [Initial1764400000000, EventDomain1764500000000, Deliberation1764600000000, StatsCoveringIndex1764900000000, EventPageIndex1765000000000];
