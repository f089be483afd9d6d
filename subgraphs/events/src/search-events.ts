import type { Viewer } from '../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../kit/src/connection.js';
import type { Database } from '../../kit/src/database.js';
import { narrowScope, whereInScope } from '../../kit/src/scope.js';
import type { EventPriority, EventStatus } from './domain/event-values.js';
import { GridEvent } from './entities/grid-event.js';

export interface EventSearch {
  /** An area or grid code prefix, already checked. */
  areaCode: string | null;
  /** Any of these statuses; empty for any status. */
  statuses: readonly EventStatus[];
  priority: EventPriority | null;
  category: string | null;
}

/** One page of the events the viewer may see that match a search, by keyset on id. */
export function searchEvents(db: Database, viewer: Viewer, search: EventSearch, page: PageArgs) {
  const qb = db.dataSource.getRepository(GridEvent).createQueryBuilder('event');
  whereInScope(qb, narrowScope(viewer, search.areaCode), 'event.areaCode');
  if (search.statuses.length) qb.andWhere('event.status IN (:...statuses)', { statuses: [...search.statuses] });
  if (search.priority) qb.andWhere('event.priority = :priority', { priority: search.priority });
  if (search.category) qb.andWhere('event.category = :category', { category: search.category });
  return paginate(qb, page, { alias: 'event' });
}
