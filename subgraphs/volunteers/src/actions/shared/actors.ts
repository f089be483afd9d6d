import { forbidden, requirePermission, type Viewer } from '../../../../kit/src/auth.js';
import { refuse } from '../../../../kit/src/problems.js';
import { inScope } from '../../../../kit/src/scope.js';
import type { Context } from '../../context.js';
import { actsFor, isSelf, isStreetAdmin, mayActAtAll, organises } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { Activity, type ActivityEntity } from '../../entities/activity.js';
import { TeamMembership } from '../../entities/team-membership.js';
import { Volunteer, type VolunteerEntity } from '../../entities/volunteer.js';

/**
 * Every mutation starts here: a viewer who can neither act as a worker nor as a volunteer
 * (an analyst, an integration) gets FORBIDDEN, not a user error.
 */
export function requireStanding(context: Context): void {
  requirePermission(context.viewer, 'volunteer:read');
  if (!mayActAtAll(context.viewer)) throw forbidden();
}

/** Points are the love supermarket's money: their rates and manual entries are a street admin's. */
export function requireStreetAdmin(viewer: Viewer): void {
  if (!isStreetAdmin(viewer)) throw forbidden('只有街道管理员可以设置积分规则或调整积分');
}

/**
 * The viewer's own profile, found by the token's `personId` whatever the token's scope:
 * the token proves who the volunteer is; scope limits what they see of others.
 */
export async function ownVolunteer(context: Context): Promise<VolunteerEntity | null> {
  const { personId } = context.viewer;
  if (!personId) return null;
  return context.db.dataSource.getRepository(Volunteer).findOneBy({ personId });
}

/**
 * The volunteer a request is about: the viewer's own profile when no id is given, else the
 * one named, on whose behalf only a worker of where they live may act.
 */
export async function targetVolunteer(
  context: Context,
  volunteerId: string | null | undefined,
): Promise<VolunteerEntity> {
  if (!volunteerId) return (await ownVolunteer(context)) ?? refuse(problem('NOT_A_VOLUNTEER', 'volunteerId'));
  const volunteer = await context.db.dataSource.getRepository(Volunteer).findOneBy({ id: volunteerId });
  if (!volunteer || (!isSelf(context.viewer, volunteer) && !inScope(context.viewer, volunteer.areaCode)))
    refuse(problem('VOLUNTEER_NOT_FOUND', 'volunteerId'));
  if (!actsFor(context.viewer, volunteer)) refuse(problem('NOT_OWNER', 'volunteerId'));
  return volunteer;
}

/** The teams the viewer's own profile leads now. */
export async function ledTeams(context: Context): Promise<string[]> {
  const own = await ownVolunteer(context);
  if (!own) return [];
  const memberships = await context.db.dataSource
    .getRepository(TeamMembership)
    .findBy({ volunteerId: own.id, role: 'LEADER' });
  return memberships.filter((membership) => membership.leftAt === null).map((membership) => membership.teamId);
}

/** An activity the viewer can see, by id. */
export async function visibleActivity(
  context: Context,
  activityId: string,
  field = 'activityId',
): Promise<ActivityEntity> {
  const activity = await context.db.dataSource.getRepository(Activity).findOneBy({ id: activityId });
  if (!activity || !inScope(context.viewer, activity.areaCode)) refuse(problem('ACTIVITY_NOT_FOUND', field));
  return activity;
}

/** Refuses unless the viewer organises the activity. */
export async function requireOrganizer(context: Context, activity: ActivityEntity): Promise<void> {
  if (!organises(context.viewer, activity, await ledTeams(context))) refuse(problem('NOT_ORGANIZER', 'activityId'));
}

export async function isOrganizer(context: Context, activity: ActivityEntity): Promise<boolean> {
  return organises(context.viewer, activity, await ledTeams(context));
}
