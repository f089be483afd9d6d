import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { whereOverlapsScope } from '../../../kit/src/scope.js';
import { VOTE_CHOICES, type VoteChoice } from '../domain/deliberation.js';
import { TopicComment, TopicVote } from '../entities/topic.js';

export type VoteCounts = Record<'for' | 'against' | 'abstain' | 'total', number>;

const FIELD: Record<VoteChoice, keyof VoteCounts> = { FOR: 'for', AGAINST: 'against', ABSTAIN: 'abstain' };

/**
 * Counts of the deliberation hall, computed in SQL for every topic of a request in one
 * statement each: votes grouped by topic and choice (from the `topic_id, choice` index),
 * comments grouped by topic, and the viewer's own votes.
 */
export function createTopicCountLoaders(dataSource: DataSource, viewer: Viewer) {
  const votes = () =>
    whereOverlapsScope(dataSource.getRepository(TopicVote).createQueryBuilder('vote'), viewer, 'vote.areaCode');
  return {
    voteCountsByTopic: new DataLoader<string, VoteCounts>(async (topicIds) => {
      const rows: { topicId: string; choice: VoteChoice; n: number | string }[] = await votes()
        .select('vote.topicId', 'topicId')
        .addSelect('vote.choice', 'choice')
        .addSelect('COUNT(*)', 'n')
        .andWhere('vote.topicId IN (:...topicIds)', { topicIds: [...topicIds] })
        .groupBy('vote.topicId')
        .addGroupBy('vote.choice')
        .getRawMany();
      const counts = new Map(topicIds.map((id) => [id, { for: 0, against: 0, abstain: 0, total: 0 }]));
      for (const row of rows) {
        const topic = counts.get(row.topicId);
        if (!topic || !VOTE_CHOICES.includes(row.choice)) continue;
        topic[FIELD[row.choice]] += Number(row.n);
        topic.total += Number(row.n);
      }
      return topicIds.map((id) => counts.get(id)!);
    }),
    commentCountByTopic: new DataLoader<string, number>(async (topicIds) => {
      const qb = dataSource.getRepository(TopicComment).createQueryBuilder('comment');
      whereOverlapsScope(qb, viewer, 'comment.areaCode');
      const rows: { topicId: string; n: number | string }[] = await qb
        .select('comment.topicId', 'topicId')
        .addSelect('COUNT(*)', 'n')
        .andWhere('comment.topicId IN (:...topicIds)', { topicIds: [...topicIds] })
        .groupBy('comment.topicId')
        .getRawMany();
      const counts = new Map(rows.map((row) => [row.topicId, Number(row.n)]));
      return topicIds.map((id) => counts.get(id) ?? 0);
    }),
    /** The viewer's own vote on each topic; null for a viewer who names no person. */
    myVoteByTopic: new DataLoader<string, VoteChoice | null>(async (topicIds) => {
      if (!viewer.personId) return topicIds.map(() => null);
      const rows: { topicId: string; choice: VoteChoice }[] = await votes()
        .select('vote.topicId', 'topicId')
        .addSelect('vote.choice', 'choice')
        .andWhere('vote.personId = :personId', { personId: viewer.personId })
        .andWhere('vote.topicId IN (:...topicIds)', { topicIds: [...topicIds] })
        .getRawMany();
      const choices = new Map(rows.map((row) => [row.topicId, row.choice]));
      return topicIds.map((id) => choices.get(id) ?? null);
    }),
  };
}
