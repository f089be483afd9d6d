import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../kit/src/scope.js';
import { Activity } from './entities/activity.js';
import { VolunteerTeam } from './entities/volunteer-team.js';
import { teamVisibility } from './loaders.js';

/** Activities under an area or grid code, inside the viewer's scope, paged by id. */
export function activitiesUnder(dataSource: DataSource, viewer: Viewer, areaCode: string | null, page: PageArgs) {
  const qb = dataSource.getRepository(Activity).createQueryBuilder('activity');
  whereInScope(qb, narrowScope(viewer, areaCode), 'activity.areaCode');
  return paginate(qb, page, { alias: 'activity' });
}

/**
 * Teams that serve an area: the teams inside it and those of the areas above it (a
 * street-wide team serves each of its communities), within the viewer's scope.
 */
export function teamsServing(dataSource: DataSource, viewer: Viewer, areaCode: string | null) {
  const qb = dataSource.getRepository(VolunteerTeam).createQueryBuilder('team').orderBy('team.name', 'ASC').addOrderBy('team.id', 'ASC');
  teamVisibility(narrowScope(viewer, areaCode))(qb, 'team');
  return qb.getMany();
}
