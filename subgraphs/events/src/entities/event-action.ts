import { EntitySchema } from 'typeorm';
import type { EventStatus } from '../domain/event-values.js';
import type { EventStep } from '../domain/status-flow.js';

/**
 * One entry of an event's timeline: who took which step, when, from which status to which,
 * and why. Keyed by the event and the version the step produced, so two steps can never
 * both claim the same version of an event.
 */
export interface EventActionEntity {
  eventId: string;
  version: number;
  /** The event's area code: scope applies to the timeline as to the event. */
  areaCode: string;
  step: EventStep;
  fromStatus: EventStatus | null;
  toStatus: EventStatus;
  at: Date;
  /** The token's subject, or `system` for the scheduled check. */
  actorSubject: string;
  actorRole: string | null;
  actorPersonId: string | null;
  /** The GridStaff a dispatch or escalation went to. */
  assigneeId: string | null;
  note: string | null;
}

export const EventAction = new EntitySchema<EventActionEntity>({
  name: 'EventAction',
  tableName: 'event_action',
  columns: {
    eventId: { name: 'event_id', type: 'varchar', length: 36, primary: true },
    version: { type: 'int', primary: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    step: { type: 'varchar', length: 24 },
    fromStatus: { name: 'from_status', type: 'varchar', length: 24, nullable: true },
    toStatus: { name: 'to_status', type: 'varchar', length: 24 },
    at: { type: 'datetime' },
    actorSubject: { name: 'actor_subject', type: 'varchar', length: 120 },
    actorRole: { name: 'actor_role', type: 'varchar', length: 24, nullable: true },
    actorPersonId: { name: 'actor_person_id', type: 'varchar', length: 36, nullable: true },
    assigneeId: { name: 'assignee_id', type: 'varchar', length: 36, nullable: true },
    note: { type: 'varchar', length: 1000, nullable: true },
  },
});
