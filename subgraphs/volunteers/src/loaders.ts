import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../kit/src/auth.js';
import { createGroupPageLoader } from '../../kit/src/connection.js';
import { createGroupLoader, createRowLoader } from '../../kit/src/loaders.js';
import { whereInScope, whereOverlapsScope } from '../../kit/src/scope.js';
import { Activity } from './entities/activity.js';
import { TeamMembership } from './entities/team-membership.js';
import { Volunteer } from './entities/volunteer.js';
import { VolunteerTeam } from './entities/volunteer-team.js';

type Restrict = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) => void;

/** Volunteers and activities sit in an area: visible inside the viewer's scope. */
function inScope(viewer: Viewer): Restrict {
  return (qb, alias) => {
    whereInScope(qb, viewer, `${alias}.areaCode`);
  };
}

/**
 * Teams serve an area: a street-wide team (雷锋伙伴) is visible to a worker of each of its
 * communities, a team of a neighbouring community is not.
 */
export function teamVisibility(viewer: Viewer): Restrict {
  return (qb, alias) => {
    whereOverlapsScope(qb, viewer, `${alias}.areaCode`);
  };
}

const activeOnly: Restrict = (qb, alias) => {
  qb.andWhere(`${alias}.leftAt IS NULL`);
};

export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  return {
    volunteerById: createRowLoader(dataSource, Volunteer, 'id', { restrict: inScope(viewer) }),
    volunteerByPerson: createRowLoader(dataSource, Volunteer, 'personId', { restrict: inScope(viewer) }),
    teamById: createRowLoader(dataSource, VolunteerTeam, 'id', { restrict: teamVisibility(viewer) }),
    activityById: createRowLoader(dataSource, Activity, 'id', { restrict: inScope(viewer) }),
    activeMembershipsByVolunteer: createGroupLoader(dataSource, TeamMembership, 'volunteerId', { restrict: activeOnly, orderBy: 'teamId' }),
    activeMembershipsByTeam: createGroupLoader(dataSource, TeamMembership, 'teamId', { restrict: activeOnly, orderBy: 'volunteerId' }),
    activitiesUnderCode: createGroupPageLoader(dataSource, Activity, viewer, { groupBy: 'areaCode', match: 'prefix', areaCodeProperty: 'areaCode' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
