import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope } from '../../kit/src/scope.js';
import { GridEvent } from './entities/grid-event.js';

/** Per-request loaders; every one applies the viewer's scope to `area_code` in SQL. */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const pages = (groupBy: 'areaCode' | 'assigneeId' | 'reporterId') =>
    createGroupPageLoader(dataSource, GridEvent, viewer, {
      groupBy,
      match: groupBy === 'areaCode' ? 'prefix' : 'equal',
      areaCodeProperty: 'areaCode',
    });
  return {
    eventById: createRowLoader(dataSource, GridEvent, 'id', {
      restrict: (qb, alias) => {
        whereInScope(qb, viewer, `${alias}.areaCode`);
      },
    }),
    /** Keyed by an area-code prefix: a grid's events are those under its code. */
    eventsUnderArea: pages('areaCode'),
    eventsByAssignee: pages('assigneeId'),
    eventsByReporter: pages('reporterId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
