import { wholeSeconds } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { ruleFor } from '../domain/categories.js';
import { timingAfter } from '../domain/deadlines.js';
import { EVENT_NOT_FOUND, VERSION_CONFLICT, type Problem } from '../domain/problems.js';
import { checkStep, type ManualStep } from '../domain/status-flow.js';
import { stepColumns } from '../domain/step-columns.js';
import type { GridEventEntity } from '../entities/grid-event.js';
import { loadCatalogue } from '../queries/catalogue.js';
import { actorColumns, actorOf, noteOf, refused, type EventPayload } from './event-payload.js';
import { applyStepEffects, lockForStep } from './step-effects.js';
import { writeStep, type StepChange } from './write-step.js';

export interface StepInput {
  eventId: string;
  /** The version the client last saw; a step on a changed event is refused. */
  expectedVersion?: number | null;
  note?: string | null;
}

/** What a step adds to the common path: its own columns and timeline note, or its own problems. */
export type StepDetails =
  | { patch: StepChange['patch']; note?: string | null; assigneeId?: string | null }
  | { problems: Problem[] };

export interface StepOptions {
  /** Problems with the step's own input, found before the event is read. */
  inputProblems?: Problem[];
  /** Runs once the flow allows the step: a dispatch asks the graph for the responsible staff here. */
  details?: (event: GridEventEntity, now: Date) => StepDetails | Promise<StepDetails>;
}

/**
 * The common path of every step of the flow: read the event in the viewer's scope, ask
 * the flow whether this viewer may take this step now, work out the new deadlines, and
 * write event and timeline in one transaction, only if no one changed the event since it
 * was read. Every refusal is a user error, and then nothing is written. The steps that
 * need nothing beyond this path (register, cancel, accept, return, start, verify, reopen,
 * close, suspend, resume) are this call with the step's name; dispatch, feedback and
 * evaluation add their own details in their own files.
 */
export async function takeStep(
  context: Context,
  step: ManualStep,
  input: StepInput,
  options: StepOptions = {},
): Promise<EventPayload> {
  // No permission check here: the flow says who may take which step (a resident evaluates
  // their own event without being able to read events at large).
  const now = wholeSeconds(context.settings.now());
  const event = await context.loaders.eventById.load(input.eventId);
  if (!event) return refused([EVENT_NOT_FOUND]);
  if (input.expectedVersion !== null && input.expectedVersion !== undefined && input.expectedVersion !== event.version)
    return refused([VERSION_CONFLICT]);
  const note = noteOf(input.note);
  const check = checkStep(step, event, actorOf(context.viewer), note);
  const problems = [...(check.ok ? [] : check.problems), ...(options.inputProblems ?? [])];
  if (!check.ok || problems.length) return refused(problems);
  const details = options.details ? await options.details(event, now) : { patch: {} };
  if ('problems' in details) return refused(details.problems);

  const rule = ruleFor(await loadCatalogue(context), event.category, event.priority);
  const timing = timingAfter({ step, to: check.to, current: event, now, rule, calendar: context.settings.calendar });
  const change: StepChange = {
    patch: { status: check.to, updatedAt: now, ...timing, ...stepColumns(step, event, now), ...details.patch },
    action: {
      step,
      fromStatus: event.status,
      toStatus: check.to,
      at: now,
      ...actorColumns(context.viewer),
      assigneeId: details.assigneeId ?? null,
      note: details.note !== undefined ? details.note : note,
    },
  };
  const written = await inTransaction(context.db, async (manager) => {
    const inspectionId = await lockForStep(context.db, manager, event, check.to);
    const result = await writeStep(manager, event, change);
    if (result) await applyStepEffects(manager, step, result.event, now, inspectionId);
    return result;
  });
  context.loaders.eventById.clear(event.id);
  if (!written) return refused([VERSION_CONFLICT]);
  return { event: written.event, action: written.action, userErrors: [] };
}
