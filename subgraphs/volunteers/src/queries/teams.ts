import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { narrowScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { requireVolunteerRead } from '../domain/access.js';
import { VolunteerTeam } from '../entities/volunteer-team.js';
import type { QueryVolunteerTeamsArgs } from '../generated/resolvers.js';
import { teamVisibility } from './visibility.js';

/**
 * `Query.volunteerTeams`: teams that serve an area, the teams inside it and those of the
 * areas above it (a street-wide team serves each of its communities), within the viewer's scope.
 */
export function teamsServing({ viewer, db }: Context, { areaCode }: QueryVolunteerTeamsArgs) {
  requireVolunteerRead(viewer);
  const area = parseAreaCodeArgument('areaCode', areaCode);
  const qb = db.dataSource
    .getRepository(VolunteerTeam)
    .createQueryBuilder('team')
    .orderBy('team.name', 'ASC')
    .addOrderBy('team.id', 'ASC');
  teamVisibility(narrowScope(viewer, area))(qb, 'team');
  return qb.getMany();
}
