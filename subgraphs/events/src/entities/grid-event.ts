import { EntitySchema } from 'typeorm';
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
}

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
    reporterId: { name: 'reporter_id', type: 'varchar', length: 36, nullable: true },
    assigneeId: { name: 'assignee_id', type: 'varchar', length: 36, nullable: true },
    reportedAt: { name: 'reported_at', type: 'datetime' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    version: { type: 'int', default: 1 },
  },
});
