import type { Connection } from '../../kit/src/connection.js';
import type { GridEventEntity } from './entities/grid-event.js';
import type { InspectionEntity } from './entities/inspection.js';
import type { TopicCommentEntity, TopicEntity } from './entities/topic.js';
import type { VisitEntity } from './entities/visit.js';

export type GridEventConnectionModel = Connection<GridEventEntity>;
export type InspectionConnectionModel = Connection<InspectionEntity>;
export type VisitConnectionModel = Connection<VisitEntity>;
export type TopicConnectionModel = Connection<TopicEntity>;
export type TopicCommentConnectionModel = Connection<TopicCommentEntity>;

/** A 家园共筑 project a topic's decision asks for: read from the decision row. */
export interface ProjectRequestModel {
  topicId: string;
  title: string;
  plan: string;
  requestedAt: Date;
}

/** An entity another subgraph owns, referenced by its id alone (Building, Volunteer). */
export interface EntityReference {
  id: string;
}

/** A Person as the people subgraph references it: its key alone. */
export type PersonReference = EntityReference;

/** A Grid as the grids subgraph references it: both key fields, so no lookup is needed here. */
export interface GridReference {
  id: string;
  code: string;
}

/** A GridStaff as the grids subgraph references it: its key alone. */
export type GridStaffReference = EntityReference;

/** An Area (grids subgraph) by its statistical code. */
export interface AreaReference {
  code: string;
}
