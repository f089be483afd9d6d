import { z } from 'zod';
import type { Context } from '../context.js';
import { draftFields, issuesToProblems } from '../domain/event-report.js';
import type { EventPayload } from './event-payload.js';
import { takeStep, type StepInput } from './take-step.js';

export interface FeedbackInput extends StepInput {
  photos?: string[] | null;
}

/** Submits the handling result (反馈); photos of the result join the event's photos. */
export function submitEventFeedback(context: Context, input: FeedbackInput): Promise<EventPayload> {
  const parsed = z.object({ photos: draftFields.photos }).safeParse({ photos: input.photos });
  return takeStep(context, 'SUBMIT_FEEDBACK', input, {
    inputProblems: parsed.success ? [] : issuesToProblems(parsed.error.issues),
    details: (event) => ({ patch: { photos: [...(event.photos ?? []), ...(parsed.data?.photos ?? [])] } }),
  });
}
