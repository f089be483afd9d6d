import type { EntityManager } from 'typeorm';
import type { Database } from '../../../kit/src/database.js';
import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import {
  livesIn,
  needsResidence,
  NOT_RESIDENT,
  openProblem,
  type TopicPart,
  type TopicStatus,
} from '../domain/deliberation.js';
import { TOPIC_NOT_FOUND, type Problem } from '../domain/problems.js';
import { createIdSequence } from '../domain/time-ordered-id.js';
import { Topic, type TopicCommentEntity, type TopicEntity } from '../entities/topic.js';
import { residencyOf } from '../graph/residency.js';
import { actorOf } from './event-payload.js';

export type TopicPayload = Payload<'topic', TopicEntity>;
export type CommentPayload = Payload<'comment', TopicCommentEntity>;

/** A refused request: the problems as user errors, and nothing written. */
export const refusedTopic = (problems: readonly Problem[]): TopicPayload => refusedPayload('topic', problems);

/** Ids of topics and comments: time-ordered, so pages keyset on the id alone. */
export const nextDeliberationId = createIdSequence();

/**
 * A topic's status read inside a write transaction. On MySQL the read takes a shared lock
 * on the topic row: comments and votes in flight hold it together, and a decision or a
 * withdrawal (an update of the row) waits for them, and they for it. So no vote or
 * comment lands after the topic closed, and a decision sees every vote written before
 * it. SQLite runs one write transaction at a time anyway.
 */
export async function statusForWrite(
  db: Database,
  manager: EntityManager,
  topicId: string,
): Promise<TopicStatus | null> {
  const lock = db.kind === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const [row]: { status: TopicStatus }[] = await manager.query(`SELECT status FROM topic WHERE id = ?${lock}`, [
    topicId,
  ]);
  return row?.status ?? null;
}

/**
 * Closes an open topic (decided or withdrawn) with one conditional UPDATE: of two closings
 * at the same moment exactly one matches; the other changes nothing and gets false.
 */
export async function closeTopic(
  manager: EntityManager,
  topic: TopicEntity,
  change: { status: Exclude<TopicStatus, 'OPEN'>; closedAt: Date; withdrawReason: string | null },
): Promise<TopicEntity | null> {
  const result = await manager
    .createQueryBuilder()
    .update(Topic)
    .set({ ...change, version: topic.version + 1 })
    .where('id = :id AND status = :open', { id: topic.id, open: 'OPEN' })
    .execute();
  return result.affected === 1 ? { ...topic, ...change, version: topic.version + 1 } : null;
}

/**
 * The checks every way of taking part (commenting, voting) shares: the topic is visible
 * to the caller and open, and a resident lives in its grid (a voter always: see
 * `needsResidence`). Returns the topic, or the problems.
 */
export async function topicToJoin(
  context: Context,
  topicId: string,
  role: Problem | null,
  part: TopicPart,
): Promise<{ topic: TopicEntity; problems: [] } | { topic: null; problems: Problem[] }> {
  if (role) return { topic: null, problems: [role] };
  const topic = await context.loaders.topicById.load(topicId);
  if (!topic) return { topic: null, problems: [TOPIC_NOT_FOUND] };
  const closed = openProblem(topic.status);
  if (closed) return { topic: null, problems: [closed] };
  if (needsResidence(actorOf(context.viewer), part) && !livesIn((await residencyOf(context)).homes, topic.areaCode))
    return { topic: null, problems: [NOT_RESIDENT] };
  return { topic, problems: [] };
}

/** Writes a row for an open topic, or answers the status that closed it meanwhile. */
export function writeWhileOpen(
  context: Context,
  topicId: string,
  write: (manager: EntityManager) => Promise<unknown>,
): Promise<Problem | null> {
  return inTransaction(context.db, async (manager) => {
    const status = await statusForWrite(context.db, manager, topicId);
    if (status !== 'OPEN') return openProblem(status ?? 'WITHDRAWN');
    await write(manager);
    return null;
  });
}
