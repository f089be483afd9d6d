import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { paginate } from '../../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { Project } from '../entities/project.js';
import type { QueryProjectsArgs } from '../generated/resolvers.js';

/** `Query.projects`: projects the viewer may see under an area prefix, newest first (ids are time-ordered), by keyset. */
export function projectsUnder({ viewer, db }: Context, { filter, first, after }: QueryProjectsArgs) {
  requireVolunteerRead(viewer);
  const area = parseAreaCodeArgument('areaCode', filter?.areaCode);
  const statuses = filter?.status ?? [];
  const qb = db.dataSource.getRepository(Project).createQueryBuilder('project');
  whereInScope(qb, narrowScope(viewer, area), 'project.areaCode');
  if (statuses.length) qb.andWhere('project.status IN (:...statuses)', { statuses: [...statuses] });
  return paginate(qb, { first, after }, { alias: 'project', direction: 'DESC' });
}
