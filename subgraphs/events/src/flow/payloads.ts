import type { Viewer } from '../../../kit/src/auth.js';
import { userError, type UserError } from '../../../kit/src/errors.js';
import { problemField, type Problem } from '../domain/problems.js';
import type { Actor } from '../domain/status-flow.js';
import type { EventActionEntity } from '../entities/event-action.js';
import type { GridEventEntity } from '../entities/grid-event.js';

export interface EventPayload {
  event: GridEventEntity | null;
  action: EventActionEntity | null;
  userErrors: UserError[];
}

export function toUserErrors(problems: readonly Problem[]): UserError[] {
  return problems.map((problem) => userError(problem.code, problem.message, problemField(problem)));
}

/** A refused request: the problems as user errors, and nothing written. */
export function refused(problems: readonly Problem[]): EventPayload {
  return { event: null, action: null, userErrors: toUserErrors(problems) };
}

export const EVENT_NOT_FOUND: Problem = { code: 'EVENT_NOT_FOUND', message: '事件不存在或不在您的管辖范围内', field: 'eventId' };
export const VERSION_CONFLICT: Problem = { code: 'VERSION_CONFLICT', message: '事件已被他人更新，请刷新后重试', field: 'expectedVersion' };
export const GRID_NOT_FOUND: Problem = { code: 'GRID_NOT_FOUND', message: '网格不存在、已撤销或不在您的管辖范围内', field: 'gridId' };

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
