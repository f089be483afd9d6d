import { forbidden, requirePermission, type Viewer } from '../../kit/src/auth.js';

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
 * Households, buildings, rooms, tags and histories say where someone lives and which
 * special group they are in: personal data beyond a count.
 */
export function requireFullRead(viewer: Viewer): void {
  requirePermission(viewer, 'person:read');
}

export function requireWrite(viewer: Viewer): void {
  requirePermission(viewer, 'person:write');
}
