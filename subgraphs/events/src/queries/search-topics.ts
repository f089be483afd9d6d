import type { Viewer } from '../../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../../kit/src/connection.js';
import type { Database } from '../../../kit/src/database.js';
import { whereOverlapsScope } from '../../../kit/src/scope.js';
import type { TopicStatus } from '../domain/deliberation.js';
import { Topic } from '../entities/topic.js';

export interface TopicSearch {
  /** An area or grid code prefix, already checked: topics of grids in it or below it. */
  areaCode: string | null;
  status: TopicStatus | null;
  /** true: decided with a project request; false: without one; null: either. */
  projectRequested: boolean | null;
}

/**
 * One page of the topics the viewer may see (inside their scope, or of a grid around it)
 * that match a search, newest first: the ids are time-ordered, so the keyset is the id.
 */
export function searchTopics(db: Database, viewer: Viewer, search: TopicSearch, page: PageArgs) {
  const qb = db.dataSource.getRepository(Topic).createQueryBuilder('topic');
  whereOverlapsScope(qb, viewer, 'topic.areaCode');
  if (search.areaCode) qb.andWhere('topic.areaCode LIKE :prefix', { prefix: `${search.areaCode}%` });
  if (search.status) qb.andWhere('topic.status = :status', { status: search.status });
  if (search.projectRequested !== null) {
    const requested =
      'EXISTS (SELECT 1 FROM topic_decision decision WHERE decision.topic_id = topic.id AND decision.project_title IS NOT NULL)';
    qb.andWhere(search.projectRequested ? requested : `NOT ${requested}`);
  }
  return paginate(qb, page, { alias: 'topic', direction: 'DESC' });
}
