import type { Connection } from '../../kit/src/connection.js';
import type { GridEntity } from './entities/grid.js';

export type GridConnectionModel = Connection<GridEntity>;
/** A Person as the people subgraph references it: its key alone. */
export interface PersonReference {
  id: string;
}
