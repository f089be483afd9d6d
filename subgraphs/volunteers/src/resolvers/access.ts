import { requirePermission, type Viewer } from '../../../kit/src/auth.js';
import type { Context } from '../context.js';
import type { Loaders } from '../loaders.js';

export function requireVolunteerRead(viewer: Viewer): void {
  requirePermission(viewer, 'volunteer:read');
}

/**
 * The loaders, once the viewer may read volunteer data. Every way into this subgraph's
 * data (a root field, an entity reference, a field added to another subgraph's entity)
 * passes the check; fields below those inherit it.
 */
export function readable({ viewer, loaders }: Context): Loaders {
  requireVolunteerRead(viewer);
  return loaders;
}
