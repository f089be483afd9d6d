import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../db/sql-time.js';
import { checkTopic, checkWithdrawReason, isResident, livesIn, NOT_RESIDENT, openProblem, raiseRoleProblem, withdrawProblem, type TopicRequest } from '../domain/deliberation.js';
import type { Problem } from '../domain/problems.js';
import { Topic, type TopicEntity } from '../entities/topic.js';
import { actorColumns, actorOf } from '../flow/payloads.js';
import { locate } from '../place.js';
import { residencyOf } from './residency.js';
import { closeTopic, nextDeliberationId, refusedTopic, TOPIC_NOT_FOUND, type TopicPayload } from './topic-writes.js';

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
  if (isResident(actor) && !livesIn((await residencyOf(context)).homes, areaCode)) return refusedTopic([{ ...NOT_RESIDENT, field: 'gridId' }]);

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

export interface WithdrawRequest {
  topicId: string;
  reason?: string | null;
}

/** Withdraws an open topic (撤回): its raiser, or the community whose scope covers it. */
export async function withdrawTopic(context: Context, request: WithdrawRequest): Promise<TopicPayload> {
  const topic = await context.loaders.topicById.load(request.topicId);
  if (!topic) return refusedTopic([TOPIC_NOT_FOUND]);
  const reason = checkWithdrawReason(request.reason);
  const problems = [withdrawProblem(actorOf(context.viewer), topic, inScope(context.viewer, topic.areaCode)), openProblem(topic.status), ...reason.problems];
  const found = problems.filter((problem): problem is Problem => problem !== null);
  if (found.length) return refusedTopic(found);
  const now = wholeSeconds(context.settings.now());
  const closed = await inTransaction(context.db, (manager) => closeTopic(manager, topic, { status: 'WITHDRAWN', closedAt: now, withdrawReason: reason.reason }));
  context.loaders.topicById.clear(topic.id);
  if (closed) return { topic: closed, userErrors: [] };
  const current = await context.loaders.topicById.load(topic.id);
  return refusedTopic([openProblem(current?.status ?? 'WITHDRAWN') ?? TOPIC_NOT_FOUND]);
}
