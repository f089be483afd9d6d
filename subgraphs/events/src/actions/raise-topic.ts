import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import {
  checkTopic,
  isResident,
  livesIn,
  NOT_RESIDENT,
  raiseRoleProblem,
  type TopicRequest,
} from '../domain/deliberation.js';
import { Topic, type TopicEntity } from '../entities/topic.js';
import { actorColumns, actorOf } from './event-payload.js';
import { locate } from '../graph/place.js';
import { residencyOf } from '../graph/residency.js';
import { nextDeliberationId, refusedTopic, type TopicPayload } from './topic-writes.js';

/**
 * Raises a topic (发起议题) for a grid. The grid is asked of the graph with the caller's
 * token, so one outside the caller's scope, or retired, reads as not found; a resident
 * raises topics only of a grid they live in.
 */
export async function raiseTopic(context: Context, request: TopicRequest): Promise<TopicPayload> {
  const actor = actorOf(context.viewer);
  const role = raiseRoleProblem(actor);
  if (role) return refusedTopic([role]);
  const checked = checkTopic(request);
  const { grid, problems } = await locate(context, request.gridId, { buildingId: null });
  if (!checked.topic || !grid) return refusedTopic([...checked.problems, ...problems]);
  const areaCode = gridAreaPrefix(grid.code);
  if (isResident(actor) && !livesIn((await residencyOf(context)).homes, areaCode))
    return refusedTopic([{ ...NOT_RESIDENT, field: 'gridId' }]);

  const now = wholeSeconds(context.settings.now());
  const { actorSubject, actorRole, actorPersonId } = actorColumns(context.viewer);
  const topic: TopicEntity = {
    id: nextDeliberationId(now),
    gridId: grid.id,
    gridCode: grid.code,
    areaCode,
    title: checked.topic.title,
    body: checked.topic.body,
    status: 'OPEN',
    raiserSubject: actorSubject,
    raiserRole: actorRole,
    raiserPersonId: actorPersonId,
    raisedAt: now,
    closedAt: null,
    withdrawReason: null,
    version: 1,
  };
  await inTransaction(context.db, (manager) => manager.insert(Topic, topic));
  return { topic, userErrors: [] };
}
