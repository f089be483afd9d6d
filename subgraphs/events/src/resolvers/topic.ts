import type {
  ProjectRequestResolvers,
  TopicCommentResolvers,
  TopicDecisionResolvers,
  TopicResolvers,
} from '../generated/resolvers.js';
import { requireEventRead } from '../queries/event-pages.js';

/**
 * The deliberation hall is read by every signed-in viewer who may see the topic (the
 * loaders apply the visibility rule in SQL); only the events a decision opened need
 * `event:read`, like any event.
 */
export const Topic: TopicResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.topicById.load(reference.id),
  grid: (topic) => ({ id: topic.gridId, code: topic.gridCode }),
  raisedBy: (topic) => topic.raiserSubject,
  raisedByRole: (topic) => topic.raiserRole,
  raiser: (topic) => (topic.raiserPersonId ? { id: topic.raiserPersonId } : null),
  comments: (topic, { first, after }, { loaders }) => loaders.commentsByTopic.load({ value: topic.id, first, after }),
  commentCount: (topic, _, { loaders }) => loaders.commentCountByTopic.load(topic.id),
  voteCounts: (topic, _, { loaders }) => loaders.voteCountsByTopic.load(topic.id),
  myVote: (topic, _, { loaders }) => loaders.myVoteByTopic.load(topic.id),
  decision: (topic, _, { loaders }) => (topic.status === 'DECIDED' ? loaders.decisionByTopic.load(topic.id) : null),
  events: (topic, _, { loaders, viewer }) => {
    requireEventRead(viewer);
    return loaders.eventsByTopic.load(topic.id);
  },
};

export const TopicComment: TopicCommentResolvers = {
  topic: async (comment, _, { loaders }) => {
    const topic = await loaders.topicById.load(comment.topicId);
    // A comment is stored with its topic's area code: one visible means both are.
    if (!topic) throw new Error(`topic ${comment.topicId} of comment ${comment.id} is missing`);
    return topic;
  },
  author: (comment) => (comment.authorPersonId ? { id: comment.authorPersonId } : null),
};

export const TopicDecision: TopicDecisionResolvers = {
  decidedBy: (decision) => decision.deciderSubject,
  projectRequest: (decision) =>
    decision.projectTitle && decision.projectPlan
      ? {
          topicId: decision.topicId,
          title: decision.projectTitle,
          plan: decision.projectPlan,
          requestedAt: decision.decidedAt,
        }
      : null,
};

export const ProjectRequest: ProjectRequestResolvers = {
  topic: async (request, _, { loaders }) => {
    const topic = await loaders.topicById.load(request.topicId);
    if (!topic) throw new Error(`topic ${request.topicId} of a project request is missing`);
    return topic;
  },
};
