import type { EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { wholeSeconds } from '../db/sql-time.js';
import { checkComment, commentRoleProblem, livesIn, NOT_RESIDENT, openProblem, speaksAsResident, voteRoleProblem, type VoteChoice } from '../domain/deliberation.js';
import type { Problem } from '../domain/problems.js';
import { TopicComment, TopicVote, type TopicCommentEntity, type TopicEntity } from '../entities/topic.js';
import { actorColumns, actorOf, toUserErrors } from '../flow/payloads.js';
import { residencyOf } from './residency.js';
import { nextDeliberationId, refusedTopic, statusForWrite, TOPIC_NOT_FOUND, type CommentPayload, type TopicPayload } from './topic-writes.js';

const ALREADY_VOTED: Problem = { code: 'ALREADY_VOTED', message: '您已对该议题投过票，每位居民只能投票一次', field: 'topicId' };

/**
 * The checks every way of taking part shares: the topic is visible to the caller and
 * open, and a resident lives in its grid. Returns the topic, or the problems.
 */
async function topicToJoin(context: Context, topicId: string, role: Problem | null): Promise<{ topic: TopicEntity; problems: [] } | { topic: null; problems: Problem[] }> {
  if (role) return { topic: null, problems: [role] };
  const topic = await context.loaders.topicById.load(topicId);
  if (!topic) return { topic: null, problems: [TOPIC_NOT_FOUND] };
  const closed = openProblem(topic.status);
  if (closed) return { topic: null, problems: [closed] };
  if (speaksAsResident(actorOf(context.viewer)) && !livesIn((await residencyOf(context)).homes, topic.areaCode)) return { topic: null, problems: [NOT_RESIDENT] };
  return { topic, problems: [] };
}

/** Writes a row for an open topic, or answers the status that closed it meanwhile. */
function writeWhileOpen(context: Context, topicId: string, write: (manager: EntityManager) => Promise<unknown>): Promise<Problem | null> {
  return inTransaction(context.db, async (manager) => {
    const status = await statusForWrite(context.db, manager, topicId);
    if (status !== 'OPEN') return openProblem(status ?? 'WITHDRAWN');
    await write(manager);
    return null;
  });
}

export interface CommentRequest {
  topicId: string;
  body: string;
}

/** Comments on an open topic (发表意见): its grid's residents, and staff who see it. */
export async function commentOnTopic(context: Context, request: CommentRequest): Promise<CommentPayload> {
  const refused = (problems: Problem[]): CommentPayload => ({ comment: null, userErrors: toUserErrors(problems) });
  const body = checkComment(request.body);
  const joined = await topicToJoin(context, request.topicId, commentRoleProblem(actorOf(context.viewer)));
  if (!joined.topic || !body.body) return refused([...joined.problems, ...body.problems]);
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
  if (closed) return refused([closed]);
  context.loaders.commentCountByTopic.clear(comment.topicId);
  return { comment, userErrors: [] };
}

export interface VoteRequest {
  topicId: string;
  choice: VoteChoice;
}

/**
 * Votes on an open topic (投票), once: residents of its grid only. The primary key of a
 * vote is the topic and the person, so of two votes by one person, even at the same
 * moment, the database keeps exactly one and the other is ALREADY_VOTED.
 */
export async function voteOnTopic(context: Context, request: VoteRequest): Promise<TopicPayload> {
  const { viewer, loaders } = context;
  const joined = await topicToJoin(context, request.topicId, voteRoleProblem(actorOf(viewer)));
  if (!joined.topic || !viewer.personId) return refusedTopic(joined.problems);
  const topic = joined.topic;
  if ((await loaders.myVoteByTopic.load(topic.id)) !== null) return refusedTopic([ALREADY_VOTED]);
  const vote = { topicId: topic.id, personId: viewer.personId, areaCode: topic.areaCode, choice: request.choice, voterSubject: viewer.subject, votedAt: wholeSeconds(context.settings.now()) };
  let closed: Problem | null;
  try {
    closed = await writeWhileOpen(context, topic.id, (manager) => manager.insert(TopicVote, vote));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    closed = ALREADY_VOTED;
  }
  loaders.myVoteByTopic.clear(topic.id);
  loaders.voteCountsByTopic.clear(topic.id);
  if (closed) return refusedTopic([closed]);
  return { topic, userErrors: [] };
}
