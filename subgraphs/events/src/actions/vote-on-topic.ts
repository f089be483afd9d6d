import { wholeSeconds } from '../../../kit/src/time.js';
import { isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { voteRoleProblem, type VoteChoice } from '../domain/deliberation.js';
import { ALREADY_VOTED, type Problem } from '../domain/problems.js';
import { TopicVote } from '../entities/topic.js';
import { actorOf } from './event-payload.js';
import { refusedTopic, topicToJoin, writeWhileOpen, type TopicPayload } from './topic-writes.js';

export interface VoteRequest {
  topicId: string;
  choice: VoteChoice;
}

/**
 * Votes on an open topic (投票), once: residents of its grid only, whatever other roles
 * their token carries (staff never vote as staff). The primary key of a
 * vote is the topic and the person, so of two votes by one person, even at the same
 * moment, the database keeps exactly one and the other is ALREADY_VOTED.
 */
export async function voteOnTopic(context: Context, request: VoteRequest): Promise<TopicPayload> {
  const { viewer, loaders } = context;
  const joined = await topicToJoin(context, request.topicId, voteRoleProblem(actorOf(viewer)), 'VOTE');
  if (!joined.topic || !viewer.personId) return refusedTopic(joined.problems);
  const topic = joined.topic;
  if ((await loaders.myVoteByTopic.load(topic.id)) !== null) return refusedTopic([ALREADY_VOTED]);
  const vote = {
    topicId: topic.id,
    personId: viewer.personId,
    areaCode: topic.areaCode,
    choice: request.choice,
    voterSubject: viewer.subject,
    votedAt: wholeSeconds(context.settings.now()),
  };
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
