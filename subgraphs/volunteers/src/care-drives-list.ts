import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../kit/src/scope.js';
import type { DriveStatus } from './domain/care-drive.js';
import { CareDrive } from './entities/care-drive.js';

export interface DriveSearch {
  /** An area prefix, already checked; null for the whole scope. */
  areaCode: string | null;
  statuses: readonly DriveStatus[];
  targetTag: string | null;
}

/** Drives the viewer may see that match a search, newest first (ids are time-ordered), by keyset. */
export function drivesUnder(dataSource: DataSource, viewer: Viewer, search: DriveSearch, page: PageArgs) {
  const qb = dataSource.getRepository(CareDrive).createQueryBuilder('careDrive');
  whereInScope(qb, narrowScope(viewer, search.areaCode), 'careDrive.areaCode');
  if (search.statuses.length) qb.andWhere('careDrive.status IN (:...statuses)', { statuses: [...search.statuses] });
  if (search.targetTag) qb.andWhere('careDrive.targetTag = :targetTag', { targetTag: search.targetTag });
  return paginate(qb, page, { alias: 'careDrive', direction: 'DESC' });
}
