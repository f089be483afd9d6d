import type { Viewer } from '../../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../../kit/src/connection.js';
import type { Database } from '../../../kit/src/database.js';
import { narrowScope, whereInScope } from '../../../kit/src/scope.js';
import type { InspectionStatus } from '../domain/inspection.js';
import { Inspection } from '../entities/inspection.js';

export interface InspectionSearch {
  /** An area or grid code prefix, already checked. */
  areaCode: string | null;
  status: InspectionStatus | null;
}

/** One page of the inspections the viewer may see under an area, of one status or any, by id. */
export function searchInspections(db: Database, viewer: Viewer, search: InspectionSearch, page: PageArgs) {
  const qb = db.dataSource.getRepository(Inspection).createQueryBuilder('inspection');
  whereInScope(qb, narrowScope(viewer, search.areaCode), 'inspection.areaCode');
  if (search.status) qb.andWhere('inspection.status = :status', { status: search.status });
  return paginate(qb, page, { alias: 'inspection' });
}
