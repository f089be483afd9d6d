import type { Connection } from '../../kit/src/connection.js';
import type { GridEventEntity } from './entities/grid-event.js';

export type GridEventConnectionModel = Connection<GridEventEntity>;

/** A Person as the people subgraph references it: its key alone. */
export interface PersonReference {
  id: string;
}

/** A Grid as the grids subgraph references it: both key fields, so no lookup is needed here. */
export interface GridReference {
  id: string;
  code: string;
}

/** A GridStaff as the grids subgraph references it: its key alone. */
export interface GridStaffReference {
  id: string;
}
