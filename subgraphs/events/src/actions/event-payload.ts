import type { Viewer } from '../../../kit/src/auth.js';
import type { UserError } from '../../../kit/src/errors.js';
import { toUserErrors } from '../../../kit/src/problems.js';
import type { Problem } from '../domain/problems.js';
import type { Actor } from '../domain/status-flow.js';
import type { EventActionEntity } from '../entities/event-action.js';
import type { GridEventEntity } from '../entities/grid-event.js';

/** The payload of every step of an event's flow: the event and the timeline entry the step wrote. */
export interface EventPayload {
  event: GridEventEntity | null;
  action: EventActionEntity | null;
  userErrors: UserError[];
}

/** A refused request: the problems as user errors, and nothing written. */
export function refused(problems: readonly Problem[]): EventPayload {
  return { event: null, action: null, userErrors: toUserErrors(problems) };
}

export function actorOf(viewer: Viewer): Actor {
  return { subject: viewer.subject, roles: viewer.roles, personId: viewer.personId ?? null };
}

/** Who took a step, as the timeline records it. */
export function actorColumns(viewer: Viewer): Pick<EventActionEntity, 'actorSubject' | 'actorRole' | 'actorPersonId'> {
  return { actorSubject: viewer.subject, actorRole: viewer.roles[0] ?? null, actorPersonId: viewer.personId ?? null };
}

/** A trimmed note, or null. */
export function noteOf(note: string | null | undefined): string | null {
  return note?.trim().slice(0, 1000) || null;
}
