import { inTransaction } from '../../../kit/src/transaction.js';
import { loadCatalogue } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { deadlineRule } from '../domain/categories.js';
import { checkReport, type ReportRequest } from '../domain/event-report.js';
import { REPORTING_ROLES } from '../domain/status-flow.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent } from '../entities/grid-event.js';
import { locate } from '../graph/place.js';
import { newEvent, openingAction } from './new-event.js';
import { actorOf, refused, type EventPayload } from './event-payload.js';

/**
 * Reports an event in a grid (上报). The grid (and building) are asked of the graph with
 * the caller's token, so a grid outside the caller's scope reads as not found. The event
 * starts REPORTED, with the clock for registering it running.
 */
export async function reportEvent(context: Context, request: ReportRequest): Promise<EventPayload> {
  const { viewer } = context;
  if (!viewer.roles.some((role) => REPORTING_ROLES.includes(role)))
    return refused([{ code: 'ROLE_NOT_ALLOWED', message: '您的角色不能上报事件' }]);
  const catalogue = await loadCatalogue(context);
  const checked = checkReport(request, catalogue, actorOf(viewer));
  // A resident's own id comes from their verified token; a reporter named by staff is checked.
  const namedReporter = checked.draft && checked.draft.reporterId !== viewer.personId ? checked.draft.reporterId : null;
  const { grid, problems } = await locate(context, request.gridId, {
    buildingId: checked.draft?.buildingId ?? null,
    personId: namedReporter,
  });
  if (!checked.draft || problems.length || !grid) return refused([...checked.problems, ...problems]);

  const now = wholeSeconds(context.settings.now());
  const rule = deadlineRule(checked.draft.category, checked.draft.priority);
  const event = newEvent(checked.draft, grid, now, { rule, calendar: context.settings.calendar });
  const action = openingAction(event, viewer, 'REPORT', null);
  await inTransaction(context.db, async (manager) => {
    await manager.insert(GridEvent, event);
    await manager.insert(EventAction, action);
  });
  return { event, action, userErrors: [] };
}
