import { refusedPayload } from '../../../kit/src/problems.js';
import { wholeSeconds } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { checkComment, commentRoleProblem } from '../domain/deliberation.js';
import { TopicComment, type TopicCommentEntity } from '../entities/topic.js';
import { actorColumns, actorOf } from './event-payload.js';
import { nextDeliberationId, topicToJoin, writeWhileOpen, type CommentPayload } from './topic-writes.js';

export interface CommentRequest {
  topicId: string;
  body: string;
}

/** Comments on an open topic (发表意见): its grid's residents, and staff who see it. */
export async function commentOnTopic(context: Context, request: CommentRequest): Promise<CommentPayload> {
  const body = checkComment(request.body);
  const joined = await topicToJoin(context, request.topicId, commentRoleProblem(actorOf(context.viewer)), 'COMMENT');
  if (!joined.topic || !body.body)
    return refusedPayload<'comment', TopicCommentEntity>('comment', [...joined.problems, ...body.problems]);
  const { actorSubject, actorRole, actorPersonId } = actorColumns(context.viewer);
  const now = wholeSeconds(context.settings.now());
  const comment: TopicCommentEntity = {
    id: nextDeliberationId(now),
    topicId: joined.topic.id,
    areaCode: joined.topic.areaCode,
    body: body.body,
    authorSubject: actorSubject,
    authorRole: actorRole,
    authorPersonId: actorPersonId,
    createdAt: now,
  };
  const closed = await writeWhileOpen(context, comment.topicId, (manager) => manager.insert(TopicComment, comment));
  if (closed) return refusedPayload<'comment', TopicCommentEntity>('comment', [closed]);
  context.loaders.commentCountByTopic.clear(comment.topicId);
  return { comment, userErrors: [] };
}
