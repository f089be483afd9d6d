import type { DataSource } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { paginate, type PageArgs } from '../../kit/src/connection.js';
import { narrowScope, whereInScope } from '../../kit/src/scope.js';
import type { ActivityStatus } from './domain/activity-status.js';
import type { CorrectionStatus } from './domain/corrections.js';
import { Activity } from './entities/activity.js';
import { CorrectionRequest } from './entities/correction-request.js';
import { Reward } from './entities/reward.js';
import { VolunteerTeam } from './entities/volunteer-team.js';
import { teamVisibility } from './loaders.js';

export interface ActivitySearch {
  /** An area or grid code prefix, already checked. */
  areaCodes: string[];
  category: string | null;
  statuses: readonly ActivityStatus[];
  startsFrom: Date | null;
  startsBefore: Date | null;
  order: 'ID' | 'STARTS_AT' | 'STARTS_AT_DESC';
}

/** One page of the activities the viewer may see that match a search, by keyset. */
export function searchActivities(dataSource: DataSource, viewer: Viewer, search: ActivitySearch, page: PageArgs) {
  const qb = dataSource.getRepository(Activity).createQueryBuilder('activity');
  const scoped = search.areaCodes.reduce((narrowed, code) => narrowScope(narrowed, code), viewer);
  whereInScope(qb, scoped, 'activity.areaCode');
  if (search.category) qb.andWhere('activity.category = :category', { category: search.category });
  if (search.statuses.length) qb.andWhere('activity.status IN (:...statuses)', { statuses: [...search.statuses] });
  if (search.startsFrom) qb.andWhere('activity.startsAt >= :startsFrom', { startsFrom: search.startsFrom });
  if (search.startsBefore) qb.andWhere('activity.startsAt < :startsBefore', { startsBefore: search.startsBefore });
  if (search.order === 'ID') return paginate(qb, page, { alias: 'activity' });
  return paginate(qb, page, { alias: 'activity', sortBy: 'startsAt', direction: search.order === 'STARTS_AT' ? 'ASC' : 'DESC' });
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

/** Rewards offered to an area: its own catalogue and those above it (a street's love supermarket). */
export function rewardsServing(dataSource: DataSource, viewer: Viewer, areaCode: string | null, activeOnly: boolean, page: PageArgs) {
  const qb = dataSource.getRepository(Reward).createQueryBuilder('reward');
  teamVisibility(narrowScope(viewer, areaCode))(qb, 'reward');
  if (activeOnly) qb.andWhere('reward.active = :active', { active: true });
  return paginate(qb, page, { alias: 'reward' });
}

/** Correction requests on records served inside the viewer's scope: an organiser's inbox. */
export function correctionsUnder(dataSource: DataSource, viewer: Viewer, areaCode: string | null, status: CorrectionStatus | null, page: PageArgs) {
  const qb = dataSource.getRepository(CorrectionRequest).createQueryBuilder('correction');
  whereInScope(qb, narrowScope(viewer, areaCode), 'correction.areaCode');
  if (status) qb.andWhere('correction.status = :status', { status });
  return paginate(qb, page, { alias: 'correction' });
}
