import { forbidden, requirePermission, type Viewer } from '../../../kit/src/auth.js';

/**
 * Who may read the register. `person:read` reads residents with their names;
 * `person:count` (ANALYST) may list and count them but sees names masked (张*明), and
 * may not search by name, which would reveal names one prefix at a time.
 */
export function requirePeopleAccess(viewer: Viewer): void {
  if (!viewer.permissions.has('person:read') && !viewer.permissions.has('person:count')) throw forbidden();
}

export function readsNames(viewer: Viewer): boolean {
  return viewer.permissions.has('person:read');
}

/**
 * The viewer's own record: the token names it (`personId`). The token proves who the viewer
 * is, so reading oneself needs no permission and no scope (PIPL art. 45: a person may
 * consult their own data); permissions and scope limit what they see of others.
 */
export function isOwnRecord(viewer: Viewer, personId: string): boolean {
  return viewer.personId !== undefined && viewer.personId === personId;
}

/** `person(id)` and `Person` references: one's own record, or people access. */
export function requirePersonAccess(viewer: Viewer, personId: string): void {
  if (!isOwnRecord(viewer, personId)) requirePeopleAccess(viewer);
}

/**
 * Households, buildings, rooms, tags and histories say where someone lives and which
 * special group they are in: personal data beyond a count.
 */
export function requireFullRead(viewer: Viewer): void {
  requirePermission(viewer, 'person:read');
}

/** The same data of one person: one's own, or with `person:read`. */
export function requireFullReadOf(viewer: Viewer, person: { id: string }): void {
  if (!isOwnRecord(viewer, person.id)) requireFullRead(viewer);
}

export function requireWrite(viewer: Viewer): void {
  requirePermission(viewer, 'person:write');
}
