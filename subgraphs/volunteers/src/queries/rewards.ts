import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { paginate } from '../../../kit/src/connection.js';
import { narrowScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { Reward } from '../entities/reward.js';
import type { QueryRewardsArgs } from '../generated/resolvers.js';
import { teamVisibility } from './visibility.js';

/** `Query.rewards`: rewards offered to an area, its own catalogue and those above it (a street's love supermarket). */
export function rewardsServing({ viewer, db }: Context, { areaCode, activeOnly, first, after }: QueryRewardsArgs) {
  requireVolunteerRead(viewer);
  const area = parseAreaCodeArgument('areaCode', areaCode);
  const qb = db.dataSource.getRepository(Reward).createQueryBuilder('reward');
  teamVisibility(narrowScope(viewer, area))(qb, 'reward');
  if (activeOnly ?? false) qb.andWhere('reward.active = :active', { active: true });
  return paginate(qb, { first, after }, { alias: 'reward' });
}
