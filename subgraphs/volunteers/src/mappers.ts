import type { Connection } from '../../kit/src/connection.js';
import type { ActivityEntity } from './entities/activity.js';

export type ActivityConnectionModel = Connection<ActivityEntity>;

/** A Person as the people subgraph references it: its key alone. */
export interface PersonReference {
  id: string;
}

/** A Grid as the grids subgraph references it: both its keys, since activities live under its code. */
export interface GridReference {
  id: string;
  code: string;
}

/** An Area (street, community) as the grids subgraph references it. */
export interface AreaReference {
  code: string;
}
