import type { Database } from '../../../kit/src/database.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { ruleFor } from '../domain/categories.js';
import { planDeadlineAction } from '../domain/escalation.js';
import type { WorkingCalendar } from '../domain/working-time.js';
import { EventCategory } from '../entities/event-category.js';
import { GridEvent, type GridEventEntity } from '../entities/grid-event.js';
import { toDefinition } from '../queries/catalogue.js';
import { writeStep, type StepChange } from './write-step.js';

export interface DeadlineCheckResult {
  escalated: number;
  markedOverdue: number;
  /** Late events another instance (or a person) changed first: left to them. */
  skipped: number;
}

const BATCH = 200;

function changeFor(
  event: GridEventEntity,
  now: Date,
  rule: ReturnType<typeof ruleFor>,
  calendar: WorkingCalendar,
): StepChange {
  const plan = planDeadlineAction(event, now, rule, calendar);
  const system = {
    at: now,
    actorSubject: 'system',
    actorRole: null,
    actorPersonId: null,
    fromStatus: event.status,
    toStatus: event.status,
    note: plan.note,
  };
  if (plan.step === 'OVERDUE') {
    return {
      patch: { overdueMarked: true, updatedAt: now },
      action: { ...system, step: 'OVERDUE', assigneeId: event.assigneeId },
    };
  }
  return {
    patch: {
      ...plan.timing,
      assigneeId: plan.link.staffId,
      assigneePersonId: plan.link.personId,
      assignedLevel: plan.link.level,
      escalationIndex: plan.escalationIndex,
      dispatchedAt: now,
      updatedAt: now,
    },
    action: { ...system, step: 'ESCALATE', assigneeId: plan.link.staffId },
  };
}

/**
 * The scheduled check (`check-deadlines.ts`, the events entry point for cron): every event whose running deadline
 * passed and that is not yet marked either escalates (not accepted in time) or is marked
 * overdue, each with a timeline entry by `system`. Idempotent: a marked or escalated event
 * is no longer a candidate at the same instant. Safe on several instances at once: each
 * change is a conditional UPDATE on the event's version, so exactly one instance writes
 * it and the others skip it.
 */
export async function checkDeadlines(
  db: Database,
  options: { now: Date; calendar: WorkingCalendar },
): Promise<DeadlineCheckResult> {
  const now = wholeSeconds(options.now);
  const catalogue = (await db.dataSource.getRepository(EventCategory).find()).map(toDefinition);
  const result: DeadlineCheckResult = { escalated: 0, markedOverdue: 0, skipped: 0 };
  for (let after = ''; ; ) {
    const late = await db.dataSource
      .getRepository(GridEvent)
      .createQueryBuilder('event')
      .where('event.deadlineAt < :now', { now })
      .andWhere('event.overdueMarked = :marked', { marked: false })
      .andWhere('event.id > :after', { after })
      .orderBy('event.id', 'ASC')
      .limit(BATCH)
      .getMany();
    if (!late.length) return result;
    after = late[late.length - 1]!.id;
    for (const event of late) {
      const change = changeFor(event, now, ruleFor(catalogue, event.category, event.priority), options.calendar);
      const written = await inTransaction(db, (manager) => writeStep(manager, event, change));
      if (!written) result.skipped += 1;
      else if (change.action.step === 'ESCALATE') result.escalated += 1;
      else result.markedOverdue += 1;
    }
  }
}
