import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../../kit/src/auth.js';
import type { DeadlineRule } from '../domain/categories.js';
import { timingOfReport, type EventTiming } from '../domain/deadlines.js';
import type { EventDraft } from '../domain/event-report.js';
import type { EventStatus } from '../domain/event-values.js';
import type { EventStep } from '../domain/status-flow.js';
import type { WorkingCalendar } from '../domain/working-time.js';
import type { EventActionEntity } from '../entities/event-action.js';
import type { GridEventEntity } from '../entities/grid-event.js';
import { actorColumns } from './event-payload.js';

/** Links of an event to what created it. */
export interface EventOrigin {
  inspectionFindingId?: string;
  visitId?: string;
  drillId?: string;
  topicId?: string;
}

/** A new event, reported now (REPORTED, the registering clock running) unless the columns say otherwise. */
export function newEvent(
  draft: EventDraft,
  grid: { id: string; code: string },
  now: Date,
  deadlines: { rule: DeadlineRule; calendar: WorkingCalendar; finishBy?: Date | null },
  origin: EventOrigin = {},
  columns: Partial<GridEventEntity> & Partial<EventTiming> = {},
): GridEventEntity {
  return {
    id: randomUUID(),
    title: draft.title,
    description: draft.description,
    category: draft.category.name,
    priority: draft.priority,
    source: draft.source,
    status: 'REPORTED',
    gridId: grid.id,
    areaCode: grid.code,
    reporterId: draft.reporterId,
    assigneeId: null,
    reportedAt: now,
    updatedAt: now,
    closedAt: null,
    version: 1,
    buildingId: draft.buildingId,
    lng: draft.lng,
    lat: draft.lat,
    photos: draft.photos,
    assigneePersonId: null,
    assignedLevel: null,
    escalationChain: null,
    escalationIndex: 0,
    dispatchedAt: null,
    acceptedAt: null,
    feedbackAt: null,
    ...timingOfReport(now, deadlines.rule, deadlines.calendar, deadlines.finishBy ?? null),
    suspendedFrom: null,
    closeSeconds: null,
    rating: null,
    evaluation: null,
    inspectionFindingId: origin.inspectionFindingId ?? null,
    visitId: origin.visitId ?? null,
    drillId: origin.drillId ?? null,
    topicId: origin.topicId ?? null,
    ...columns,
  };
}

/** The first entry of a new event's timeline. */
export function openingAction(
  event: GridEventEntity,
  viewer: Viewer,
  step: EventStep,
  note: string | null,
): EventActionEntity {
  return {
    eventId: event.id,
    version: 1,
    areaCode: event.areaCode,
    step,
    fromStatus: null,
    toStatus: event.status as EventStatus,
    at: event.reportedAt,
    ...actorColumns(viewer),
    assigneeId: event.assigneeId,
    note,
  };
}
