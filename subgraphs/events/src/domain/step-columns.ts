import type { ChainLink, DispatchLevel } from './dispatch.js';
import type { EventStatus } from './event-values.js';
import type { ManualStep } from './status-flow.js';

/** The columns of an event that steps set beyond its status and deadlines. */
export interface StepColumns {
  assigneeId?: string | null;
  assigneePersonId?: string | null;
  assignedLevel?: DispatchLevel | null;
  escalationChain?: ChainLink[] | null;
  escalationIndex?: number;
  dispatchedAt?: Date;
  acceptedAt?: Date | null;
  feedbackAt?: Date | null;
  closedAt?: Date | null;
  closeSeconds?: number | null;
  suspendedFrom?: EventStatus | null;
}

/** A dispatch to the first link of a responsible chain; the chain is kept for escalation. */
export function dispatchColumns(chain: ChainLink[], now: Date): StepColumns {
  const first = chain[0];
  return {
    assigneeId: first?.staffId ?? null,
    assigneePersonId: first?.personId ?? null,
    assignedLevel: first?.level ?? null,
    escalationChain: chain,
    escalationIndex: 0,
    dispatchedAt: now,
    acceptedAt: null,
    feedbackAt: null,
  };
}

/** What a step records from the moment it is taken (the dispatch sets its own, above). */
export function stepColumns(
  step: ManualStep,
  event: { status: EventStatus; reportedAt: Date },
  now: Date,
): StepColumns {
  switch (step) {
    case 'ACCEPT':
      return { acceptedAt: now };
    case 'RETURN':
      return {
        assigneeId: null,
        assigneePersonId: null,
        assignedLevel: null,
        escalationChain: null,
        escalationIndex: 0,
      };
    case 'SUBMIT_FEEDBACK':
      return { feedbackAt: now };
    case 'CLOSE':
      return { closedAt: now, closeSeconds: Math.round((now.getTime() - event.reportedAt.getTime()) / 1000) };
    case 'REOPEN':
      return { closedAt: null, closeSeconds: null };
    case 'SUSPEND':
      return { suspendedFrom: event.status };
    case 'RESUME':
      return { suspendedFrom: null };
    default:
      return {};
  }
}
