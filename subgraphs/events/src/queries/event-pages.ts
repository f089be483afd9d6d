import type DataLoader from 'dataloader';
import { areaPrefix } from '../../../kit/src/area-code.js';
import { requirePermission, type Viewer } from '../../../kit/src/auth.js';
import type { PageArgs } from '../../../kit/src/connection.js';
import { badUserInput } from '../../../kit/src/errors.js';
import type { Context } from '../context.js';
import type { Loaders } from '../loaders.js';
import type { EventStatsModel } from './event-stats.js';
import type { EventStatus } from '../domain/event-values.js';

export function requireEventRead(viewer: Viewer): void {
  requirePermission(viewer, 'event:read');
}

/** Reads a row of this subgraph by id for a viewer who may read events; null outside their scope. */
function readById<T>(pick: (loaders: Loaders) => DataLoader<string, T | null>) {
  return (reference: { id: string }, context: Context): Promise<T | null> => {
    requireEventRead(context.viewer);
    return pick(context.loaders).load(reference.id);
  };
}

export const readEvent = readById((loaders) => loaders.eventById);
export const readInspection = readById((loaders) => loaders.inspectionById);
export const readVisit = readById((loaders) => loaders.visitById);
export const readDrill = readById((loaders) => loaders.drillById);

type PageLoader = 'eventsUnderArea' | 'eventsByReporter';

/**
 * A page of one parent's events (a grid's, a reporter's) through a loader, so a hundred
 * parents cost the same statements as one.
 */
export function eventPage(context: Context, loader: PageLoader, value: string, { first, after }: PageArgs) {
  requireEventRead(context.viewer);
  return context.loaders[loader].load({ value, first, after });
}

/** A staff member's events, optionally of some statuses; equal status lists batch together. */
export function assignedEventPage(
  context: Context,
  staffId: string,
  statuses: readonly EventStatus[] | null | undefined,
  { first, after }: PageArgs,
) {
  requireEventRead(context.viewer);
  return context.loaders.eventsByAssignee(statuses).load({ value: staffId, first, after });
}

/** Statistics of events under a code prefix, reported in [from, to); a reversed window is bad input. */
export function eventStatsUnder(
  context: Context,
  prefix: string,
  from: Date | null | undefined,
  to: Date | null | undefined,
): Promise<EventStatsModel> {
  requireEventRead(context.viewer);
  if (from && to && from.getTime() >= to.getTime()) {
    throw badUserInput('统计区间的开始时间必须早于结束时间', 'from');
  }
  // A city's or province's padded code (510100, 510000) counts everything under its prefix.
  return context.loaders.statsByArea.load({
    prefix: areaPrefix(prefix),
    from: from ?? null,
    to: to ?? null,
    now: context.settings.now(),
  });
}
