import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../kit/src/scope.js';
import type { ProjectStatus } from './domain/project-status.js';
import { Project } from './entities/project.js';

/** Projects the viewer may see under an area prefix, newest first (ids are time-ordered), by keyset. */
export function projectsUnder(dataSource: DataSource, viewer: Viewer, areaCode: string | null, statuses: readonly ProjectStatus[], page: PageArgs) {
  const qb = dataSource.getRepository(Project).createQueryBuilder('project');
  whereInScope(qb, narrowScope(viewer, areaCode), 'project.areaCode');
  if (statuses.length) qb.andWhere('project.status IN (:...statuses)', { statuses: [...statuses] });
  return paginate(qb, page, { alias: 'project', direction: 'DESC' });
}
