import { requirePermission, type Viewer } from '../../../kit/src/auth.js';
import { inScope } from '../../../kit/src/scope.js';

/**
 * Who may act (issue 5, point 8). A community worker or street admin (`volunteer:write`)
 * acts inside their scope; a volunteer acts for themselves (the token's `personId`); an
 * organiser acts on their activities: a worker whose scope holds it, or a leader of the
 * organising team.
 */
export function isWorkerFor(viewer: Viewer, areaCode: string): boolean {
  return viewer.permissions.has('volunteer:write') && inScope(viewer, areaCode);
}

export function isSelf(viewer: Viewer, volunteer: { personId: string }): boolean {
  return viewer.personId !== undefined && viewer.personId === volunteer.personId;
}

/** A volunteer's own matters: the volunteer, or a worker of where they live. */
export function actsFor(viewer: Viewer, volunteer: { personId: string; areaCode: string }): boolean {
  return isSelf(viewer, volunteer) || isWorkerFor(viewer, volunteer.areaCode);
}

/**
 * A row that joins a volunteer to places (an enrolment, a record, a redemption) is seen by
 * the volunteer and by the viewers of any of its places.
 */
export function sees(viewer: Viewer, volunteer: { personId: string }, areaCodes: readonly string[]): boolean {
  return isSelf(viewer, volunteer) || areaCodes.some((areaCode) => inScope(viewer, areaCode));
}

/** `leaderOf` are the teams the viewer's own volunteer profile leads now. */
export function organises(
  viewer: Viewer,
  activity: { areaCode: string; teamId: string | null },
  leaderOf: readonly string[],
): boolean {
  if (isWorkerFor(viewer, activity.areaCode)) return true;
  return activity.teamId !== null && leaderOf.includes(activity.teamId) && inScope(viewer, activity.areaCode);
}

export function isStreetAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes('STREET_ADMIN');
}

/** Anything at all to do with volunteer matters beyond reading: a worker, or a volunteer for themselves. */
export function mayActAtAll(viewer: Viewer): boolean {
  return viewer.permissions.has('volunteer:write') || viewer.personId !== undefined;
}

/** Every way into this subgraph's data starts here: a viewer without `volunteer:read` gets FORBIDDEN. */
export function requireVolunteerRead(viewer: Viewer): void {
  requirePermission(viewer, 'volunteer:read');
}
