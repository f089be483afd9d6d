import { inScope } from '../../../kit/src/scope.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { checkWithdrawReason, openProblem, withdrawProblem } from '../domain/deliberation.js';
import { TOPIC_NOT_FOUND, type Problem } from '../domain/problems.js';
import { actorOf } from './event-payload.js';
import { closeTopic, refusedTopic, type TopicPayload } from './topic-writes.js';

export interface WithdrawRequest {
  topicId: string;
  reason?: string | null;
}

/** Withdraws an open topic (撤回): its raiser, or the community whose scope covers it. */
export async function withdrawTopic(context: Context, request: WithdrawRequest): Promise<TopicPayload> {
  const topic = await context.loaders.topicById.load(request.topicId);
  if (!topic) return refusedTopic([TOPIC_NOT_FOUND]);
  const reason = checkWithdrawReason(request.reason);
  const problems = [
    withdrawProblem(actorOf(context.viewer), topic, inScope(context.viewer, topic.areaCode)),
    openProblem(topic.status),
    ...reason.problems,
  ];
  const found = problems.filter((problem): problem is Problem => problem !== null);
  if (found.length) return refusedTopic(found);
  const now = wholeSeconds(context.settings.now());
  const closed = await inTransaction(context.db, (manager) =>
    closeTopic(manager, topic, { status: 'WITHDRAWN', closedAt: now, withdrawReason: reason.reason }),
  );
  context.loaders.topicById.clear(topic.id);
  if (closed) return { topic: closed, userErrors: [] };
  const current = await context.loaders.topicById.load(topic.id);
  return refusedTopic([openProblem(current?.status ?? 'WITHDRAWN') ?? TOPIC_NOT_FOUND]);
}
