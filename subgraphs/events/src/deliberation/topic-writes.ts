import type { EntityManager } from 'typeorm';
import type { Database } from '../../../kit/src/database.js';
import type { UserError } from '../../../kit/src/errors.js';
import type { TopicStatus } from '../domain/deliberation.js';
import type { Problem } from '../domain/problems.js';
import { createIdSequence } from '../domain/time-ordered-id.js';
import { Topic, type TopicCommentEntity, type TopicEntity } from '../entities/topic.js';
import { toUserErrors } from '../flow/payloads.js';

export interface TopicPayload {
  topic: TopicEntity | null;
  userErrors: UserError[];
}

export interface CommentPayload {
  comment: TopicCommentEntity | null;
  userErrors: UserError[];
}

/** A refused request: the problems as user errors, and nothing written. */
export const refusedTopic = (problems: readonly Problem[]): TopicPayload => ({ topic: null, userErrors: toUserErrors(problems) });

export const TOPIC_NOT_FOUND: Problem = { code: 'TOPIC_NOT_FOUND', message: '议题不存在或不在您的查看范围内', field: 'topicId' };
export const OUT_OF_SCOPE: Problem = { code: 'OUT_OF_SCOPE', message: '议题所属网格不在您的管辖范围内', field: 'topicId' };

/** Ids of topics and comments: time-ordered, so pages keyset on the id alone. */
export const nextDeliberationId = createIdSequence();

/**
 * A topic's status read inside a write transaction. On MySQL the read takes a shared lock
 * on the topic row: comments and votes in flight hold it together, and a decision or a
 * withdrawal (an update of the row) waits for them, and they for it. So no vote or
 * comment lands after the topic closed, and a decision sees every vote written before
 * it. SQLite runs one write transaction at a time anyway.
 */
export async function statusForWrite(db: Database, manager: EntityManager, topicId: string): Promise<TopicStatus | null> {
  const lock = db.kind === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const [row]: { status: TopicStatus }[] = await manager.query(`SELECT status FROM topic WHERE id = ?${lock}`, [topicId]);
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
