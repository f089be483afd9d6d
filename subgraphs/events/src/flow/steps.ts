import { z } from 'zod';
import type { Context } from '../context.js';
import { chosenChain, dispatchNote, responsibleChain } from '../domain/dispatch.js';
import { dispatchColumns } from '../domain/step-columns.js';
import { draftFields, issuesToProblems } from '../domain/event-report.js';
import type { ManualStep } from '../domain/status-flow.js';
import { gridWithStaff } from '../graph.js';
import { GRID_NOT_FOUND, noteOf, type EventPayload } from './payloads.js';
import { takeStep, type StepInput } from './take-step.js';

/** Steps that need nothing beyond the common path. */
export type PlainStep = Exclude<ManualStep, 'DISPATCH' | 'SUBMIT_FEEDBACK' | 'EVALUATE'>;

export function plainStep(context: Context, step: PlainStep, input: StepInput): Promise<EventPayload> {
  return takeStep(context, step, input);
}

export interface DispatchInput extends StepInput {
  /** A GridStaff serving the event's grid; absent for an automatic dispatch. */
  staffId?: string | null;
}

/**
 * Dispatches (派遣) to a chosen staff member or automatically: the responsible chain
 * comes from the graph with the caller's token and is stored on the event, lowest level
 * first, for escalation. With no one responsible the event goes to the community.
 */
export function dispatchEvent(context: Context, input: DispatchInput): Promise<EventPayload> {
  const staffId = input.staffId?.trim() || null;
  return takeStep(context, 'DISPATCH', input, {
    details: async (event, now) => {
      const grid = await gridWithStaff(context, event.gridId);
      if (!grid) return { problems: [GRID_NOT_FOUND] };
      const chain = staffId ? chosenChain(grid, staffId) : responsibleChain(grid);
      const first = chain?.[0];
      if (!chain || !first) return { problems: [{ code: 'STAFF_NOT_SERVING_GRID', message: '所选人员不服务该事件所在的网格，不能派遣', field: 'staffId' }] };
      return {
        patch: dispatchColumns(chain, now),
        note: dispatchNote(first, staffId === null, noteOf(input.note)),
        assigneeId: first.staffId,
      };
    },
  });
}

export interface FeedbackInput extends StepInput {
  photos?: string[] | null;
}

/** Submits the handling result (反馈); photos of the result join the event's photos. */
export function submitFeedback(context: Context, input: FeedbackInput): Promise<EventPayload> {
  const parsed = z.object({ photos: draftFields.photos }).safeParse({ photos: input.photos });
  return takeStep(context, 'SUBMIT_FEEDBACK', input, {
    inputProblems: parsed.success ? [] : issuesToProblems(parsed.error.issues),
    details: (event) => ({ patch: { photos: [...(event.photos ?? []), ...(parsed.data?.photos ?? [])] } }),
  });
}

export interface EvaluateInput extends StepInput {
  rating: number;
}

/** The reporter's evaluation (评价) after closing: a rating from 1 to 5 and an optional comment (the note). */
export function evaluateEvent(context: Context, input: EvaluateInput): Promise<EventPayload> {
  const valid = Number.isInteger(input.rating) && input.rating >= 1 && input.rating <= 5;
  const comment = noteOf(input.note)?.slice(0, 500) ?? null;
  return takeStep(context, 'EVALUATE', input, {
    inputProblems: valid ? [] : [{ code: 'INVALID_RATING', message: '评分必须是 1 到 5 的整数', field: 'rating' }],
    details: () => ({ patch: { rating: input.rating, evaluation: comment } }),
  });
}
