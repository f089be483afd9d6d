import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase, type DemoDataOptions } from '../../kit/src/seeding.js';
import { generateWorld } from '../../kit/src/demo/world.js';
import { deriveEventExtras } from './demo/extras.js';
import { toDefinition } from './queries/catalogue.js';
import type { WorkingCalendar } from './domain/working-time.js';
import { Drill, DrillParticipant } from './entities/drill.js';
import { EventAction } from './entities/event-action.js';
import { EventCategory } from './entities/event-category.js';
import { GridEvent } from './entities/grid-event.js';
import { Inspection, InspectionFinding } from './entities/inspection.js';
import { Topic, TopicComment, TopicDecision, TopicVote } from './entities/topic.js';
import { Visit } from './entities/visit.js';

/**
 * Demo data: the world's events with timelines and deadlines, and the inspections, visits
 * and deliberation-hall topics derived from the same world (demo/extras.ts).
 */
export async function seedIfEmpty(
  db: Database,
  options: DemoDataOptions & { calendar: WorkingCalendar },
  logger: Logger,
): Promise<void> {
  const catalogue = (await db.dataSource.getRepository(EventCategory).find()).map(toDefinition);
  await seedEmptyDatabase(db, GridEvent, logger, async (insert) => {
    const extras = deriveEventExtras(generateWorld(options), {
      seed: options.seed,
      catalogue,
      calendar: options.calendar,
    });
    await insert(GridEvent, extras.events);
    await insert(EventAction, extras.actions);
    await insert(Inspection, extras.inspections);
    await insert(InspectionFinding, extras.findings);
    await insert(Visit, extras.visits);
    await insert(Drill, extras.drills);
    await insert(DrillParticipant, extras.participants);
    await insert(Topic, extras.topics);
    await insert(TopicComment, extras.comments);
    await insert(TopicVote, extras.votes);
    await insert(TopicDecision, extras.decisions);
  });
}
