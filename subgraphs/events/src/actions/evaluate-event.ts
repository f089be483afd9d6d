import type { Context } from '../context.js';
import { noteOf, type EventPayload } from './event-payload.js';
import { takeStep, type StepInput } from './take-step.js';

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
