import { inScope } from '../../../kit/src/scope.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import { loadCatalogue } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { deadlineRule } from '../domain/categories.js';
import { checkDecision, decidableProblem, decideRoleProblem, type DecisionRequest } from '../domain/deliberation.js';
import { EventAction } from '../entities/event-action.js';
import { GridEvent } from '../entities/grid-event.js';
import { TopicDecision, type TopicDecisionEntity } from '../entities/topic.js';
import { newEvent, openingAction } from './new-event.js';
import { GRID_NOT_FOUND, TOPIC_NOT_FOUND, TOPIC_OUT_OF_SCOPE } from '../domain/problems.js';
import { actorColumns, actorOf } from './event-payload.js';
import { locate } from '../graph/place.js';
import { closeTopic, refusedTopic, type TopicPayload } from './topic-writes.js';

export interface DecideRequest extends DecisionRequest {
  topicId: string;
}

/**
 * Closes an open topic with the community's decision (作出决议). An adopted topic may open
 * events in its grid (a safety patrol: reported now by the deciding community, source
 * DELIBERATION, each linked to the topic) and ask the volunteers side for a 家园共筑
 * project. Topic, decision, events and their timelines are one transaction; the topic is
 * closed by a conditional update, so of two decisions at the same moment exactly one is
 * written and the other is ALREADY_DECIDED.
 */
export async function decideTopic(context: Context, request: DecideRequest): Promise<TopicPayload> {
  const { viewer, loaders } = context;
  const actor = actorOf(viewer);
  const role = decideRoleProblem(actor);
  if (role) return refusedTopic([role]);
  const topic = await loaders.topicById.load(request.topicId);
  if (!topic) return refusedTopic([TOPIC_NOT_FOUND]);
  if (!inScope(viewer, topic.areaCode)) return refusedTopic([TOPIC_OUT_OF_SCOPE]);
  const checked = checkDecision(request, { catalogue: await loadCatalogue(context), gridId: topic.gridId, actor });
  const status = decidableProblem(topic.status);
  if (status || !checked.decision) return refusedTopic([...(status ? [status] : []), ...checked.problems]);
  const decision = checked.decision;
  // Events open only in a grid that is still active: the graph says so, with the caller's token.
  const grid = decision.events.length
    ? (await locate(context, topic.gridId, { buildingId: null })).grid
    : { id: topic.gridId, code: topic.gridCode };
  if (!grid)
    return refusedTopic([
      { ...GRID_NOT_FOUND, message: '议题所属网格已撤销或不在您的管辖范围内，不能生成事件', field: 'topicId' },
    ]);

  const now = wholeSeconds(context.settings.now());
  const deadlines = (draft: (typeof decision.events)[number]) => ({
    rule: deadlineRule(draft.category, draft.priority),
    calendar: context.settings.calendar,
  });
  const events = decision.events.map((draft) => newEvent(draft, grid, now, deadlines(draft), { topicId: topic.id }));
  const { actorSubject, actorRole, actorPersonId } = actorColumns(viewer);
  const row: TopicDecisionEntity = {
    topicId: topic.id,
    areaCode: topic.areaCode,
    outcome: decision.outcome,
    text: decision.text,
    decidedAt: now,
    deciderSubject: actorSubject,
    deciderRole: actorRole,
    deciderPersonId: actorPersonId,
    projectTitle: decision.project?.title ?? null,
    projectPlan: decision.project?.plan ?? null,
  };
  const decided = await inTransaction(context.db, async (manager) => {
    const closed = await closeTopic(manager, topic, { status: 'DECIDED', closedAt: now, withdrawReason: null });
    if (!closed) return null;
    await manager.insert(TopicDecision, row);
    if (events.length) {
      await manager.insert(GridEvent, events);
      await manager.insert(
        EventAction,
        events.map((event) => openingAction(event, viewer, 'REPORT', `网格议事厅议题“${topic.title}”决议生成`)),
      );
    }
    return closed;
  });
  loaders.topicById.clear(topic.id);
  if (decided) return { topic: decided, userErrors: [] };
  const current = await loaders.topicById.load(topic.id);
  return refusedTopic([decidableProblem(current?.status ?? 'DECIDED') ?? TOPIC_NOT_FOUND]);
}
