import { EntitySchema } from 'typeorm';
import type { DeadlineStage } from '../domain/deadlines.js';
import type { ChainLink, DispatchLevel } from '../domain/dispatch.js';
import type { EventPriority, EventSource, EventStatus } from '../domain/event-values.js';

export interface GridEventEntity {
  id: string;
  title: string;
  description: string | null;
  /** From the category catalogue, e.g. 安全隐患, 矛盾纠纷, 市容环境. */
  category: string;
  priority: EventPriority;
  source: EventSource;
  status: EventStatus;
  /** The grid in the grids subgraph. */
  gridId: string;
  /** The code of the grid the event is in: scope applies to it. */
  areaCode: string;
  /** The resident (a Person in the people subgraph) who reported it, if a resident did. */
  reporterId: string | null;
  /** The GridStaff it is dispatched to. */
  assigneeId: string | null;
  reportedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Bumped by every step of the status flow, so that of two conflicting steps only one wins. */
  version: number;
  /** The building (grids subgraph) it concerns, if any. */
  buildingId: string | null;
  lng: number | null;
  lat: number | null;
  /** Photo URLs, in the order taken. */
  photos: string[] | null;
  /** The person behind the assigned GridStaff: the one who may accept and handle it. */
  assigneePersonId: string | null;
  assignedLevel: DispatchLevel | null;
  /** Who is responsible, lowest level first, as the graph said at dispatch; escalation walks it. */
  escalationChain: ChainLink[] | null;
  escalationIndex: number;
  dispatchedAt: Date | null;
  acceptedAt: Date | null;
  feedbackAt: Date | null;
  /** The running stage's deadline (register, accept or finish). */
  deadlineAt: Date | null;
  deadlineStage: DeadlineStage | null;
  /** When the event must be closed. */
  finishDueAt: Date | null;
  /** The scheduled check has recorded that the running deadline passed. */
  overdueMarked: boolean;
  suspendedFrom: EventStatus | null;
  suspendedRemainingMinutes: number | null;
  /** Seconds from report to close, kept so the median is one indexed, ordered read. */
  closeSeconds: number | null;
  /** The reporter's rating (1–5) and comment after closing. */
  rating: number | null;
  evaluation: string | null;
  /** The inspection finding this event rectifies. */
  inspectionFindingId: string | null;
  /** The visit whose follow-up this event is. */
  visitId: string | null;
  /** The drill that sent this event. */
  drillId: string | null;
  /** The deliberation-hall topic whose decision opened this event. */
  topicId: string | null;
}

const optionalId = (name: string) => ({ name, type: 'varchar' as const, length: 36, nullable: true });
const optionalTime = (name: string) => ({ name, type: 'datetime' as const, nullable: true });

export const GridEvent = new EntitySchema<GridEventEntity>({
  name: 'GridEvent',
  tableName: 'grid_event',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    title: { type: 'varchar', length: 200 },
    description: { type: 'text', nullable: true },
    category: { type: 'varchar', length: 32 },
    priority: { type: 'varchar', length: 16 },
    source: { type: 'varchar', length: 24 },
    status: { type: 'varchar', length: 24 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    reporterId: optionalId('reporter_id'),
    assigneeId: optionalId('assignee_id'),
    reportedAt: { name: 'reported_at', type: 'datetime' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
    closedAt: optionalTime('closed_at'),
    version: { type: 'int', default: 1 },
    buildingId: optionalId('building_id'),
    lng: { type: 'double', nullable: true },
    lat: { type: 'double', nullable: true },
    photos: { type: 'simple-json', nullable: true },
    assigneePersonId: optionalId('assignee_person_id'),
    assignedLevel: { name: 'assigned_level', type: 'varchar', length: 16, nullable: true },
    escalationChain: { name: 'escalation_chain', type: 'simple-json', nullable: true },
    escalationIndex: { name: 'escalation_index', type: 'int', default: 0 },
    dispatchedAt: optionalTime('dispatched_at'),
    acceptedAt: optionalTime('accepted_at'),
    feedbackAt: optionalTime('feedback_at'),
    deadlineAt: optionalTime('deadline_at'),
    deadlineStage: { name: 'deadline_stage', type: 'varchar', length: 16, nullable: true },
    finishDueAt: optionalTime('finish_due_at'),
    overdueMarked: { name: 'overdue_marked', type: 'boolean', default: false },
    suspendedFrom: { name: 'suspended_from', type: 'varchar', length: 24, nullable: true },
    suspendedRemainingMinutes: { name: 'suspended_remaining_minutes', type: 'int', nullable: true },
    closeSeconds: { name: 'close_seconds', type: 'int', nullable: true },
    rating: { type: 'int', nullable: true },
    evaluation: { type: 'varchar', length: 500, nullable: true },
    inspectionFindingId: optionalId('inspection_finding_id'),
    visitId: optionalId('visit_id'),
    drillId: optionalId('drill_id'),
    topicId: optionalId('topic_id'),
  },
});
