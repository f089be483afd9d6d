import { requirePermission, type Viewer } from '../../../kit/src/auth.js';
import type { PageArgs } from '../../../kit/src/connection.js';
import type { Context } from '../context.js';

export function requireEventRead(viewer: Viewer): void {
  requirePermission(viewer, 'event:read');
}

type PageLoader = 'eventsUnderArea' | 'eventsByAssignee' | 'eventsByReporter';

/**
 * A page of one parent's events (a grid's, a staff member's, a reporter's) through a
 * loader, so a hundred parents cost the same statements as one.
 */
export function eventPage(context: Context, loader: PageLoader, value: string, { first, after }: PageArgs) {
  requireEventRead(context.viewer);
  return context.loaders[loader].load({ value, first, after });
}
