import { EntitySchema } from 'typeorm';
import type { DecisionOutcome, TopicStatus, VoteChoice } from '../domain/deliberation.js';

/**
 * 网格议事厅: a topic raised for a grid, discussed and voted on by its residents and closed
 * by the community with a decision. Nothing here is ever deleted. Ids are time-ordered
 * (domain/time-ordered-id.ts), so id order is the order things were written.
 */
export interface TopicEntity {
  id: string;
  /** The grid in the grids subgraph, with its code for the Grid reference. */
  gridId: string;
  gridCode: string;
  /**
   * The prefix under which the grid's rows live (a community total grid's is its
   * community's code): scope applies to it, and a resident lives in the grid when their
   * home grid's code starts with it.
   */
  areaCode: string;
  title: string;
  body: string;
  status: TopicStatus;
  raiserSubject: string;
  raiserRole: string | null;
  /** The person who raised it, when the token named one (always, for a resident). */
  raiserPersonId: string | null;
  raisedAt: Date;
  /** When it was decided or withdrawn. */
  closedAt: Date | null;
  withdrawReason: string | null;
  /** Bumped by deciding and withdrawing, each a conditional update on an OPEN topic. */
  version: number;
}

export interface TopicCommentEntity {
  id: string;
  topicId: string;
  /** The topic's area code, so the scope rule applies to comments on their own. */
  areaCode: string;
  body: string;
  authorSubject: string;
  authorRole: string | null;
  authorPersonId: string | null;
  createdAt: Date;
}

/** One resident's vote on a topic: the primary key (topic, person) admits one. */
export interface TopicVoteEntity {
  topicId: string;
  personId: string;
  areaCode: string;
  choice: VoteChoice;
  voterSubject: string;
  votedAt: Date;
}

/** The community's decision that closes a topic, with what it asks for. */
export interface TopicDecisionEntity {
  topicId: string;
  areaCode: string;
  outcome: DecisionOutcome;
  text: string;
  decidedAt: Date;
  deciderSubject: string;
  deciderRole: string | null;
  deciderPersonId: string | null;
  /** A 家园共筑 project the decision asks the volunteers side to set up, if any. */
  projectTitle: string | null;
  projectPlan: string | null;
}

const id = (name: string) => ({ name, type: 'varchar' as const, length: 36 });
const optionalId = (name: string) => ({ ...id(name), nullable: true });
const areaCode = { name: 'area_code', type: 'varchar' as const, length: 18 };
const subject = (name: string) => ({ name, type: 'varchar' as const, length: 120 });
const role = (name: string) => ({ name, type: 'varchar' as const, length: 24, nullable: true });

export const Topic = new EntitySchema<TopicEntity>({
  name: 'Topic',
  tableName: 'topic',
  columns: {
    id: { ...id('id'), primary: true },
    gridId: id('grid_id'),
    gridCode: { name: 'grid_code', type: 'varchar', length: 18 },
    areaCode,
    title: { type: 'varchar', length: 100 },
    body: { type: 'varchar', length: 2000 },
    status: { type: 'varchar', length: 16 },
    raiserSubject: subject('raiser_subject'),
    raiserRole: role('raiser_role'),
    raiserPersonId: optionalId('raiser_person_id'),
    raisedAt: { name: 'raised_at', type: 'datetime' },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    withdrawReason: { name: 'withdraw_reason', type: 'varchar', length: 500, nullable: true },
    version: { type: 'int', default: 1 },
  },
});

export const TopicComment = new EntitySchema<TopicCommentEntity>({
  name: 'TopicComment',
  tableName: 'topic_comment',
  columns: {
    id: { ...id('id'), primary: true },
    topicId: id('topic_id'),
    areaCode,
    body: { type: 'varchar', length: 1000 },
    authorSubject: subject('author_subject'),
    authorRole: role('author_role'),
    authorPersonId: optionalId('author_person_id'),
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});

export const TopicVote = new EntitySchema<TopicVoteEntity>({
  name: 'TopicVote',
  tableName: 'topic_vote',
  columns: {
    topicId: { ...id('topic_id'), primary: true },
    personId: { ...id('person_id'), primary: true },
    areaCode,
    choice: { type: 'varchar', length: 16 },
    voterSubject: subject('voter_subject'),
    votedAt: { name: 'voted_at', type: 'datetime' },
  },
});

export const TopicDecision = new EntitySchema<TopicDecisionEntity>({
  name: 'TopicDecision',
  tableName: 'topic_decision',
  columns: {
    topicId: { ...id('topic_id'), primary: true },
    areaCode,
    outcome: { type: 'varchar', length: 16 },
    text: { type: 'varchar', length: 2000 },
    decidedAt: { name: 'decided_at', type: 'datetime' },
    deciderSubject: subject('decider_subject'),
    deciderRole: role('decider_role'),
    deciderPersonId: optionalId('decider_person_id'),
    projectTitle: { name: 'project_title', type: 'varchar', length: 100, nullable: true },
    projectPlan: { name: 'project_plan', type: 'varchar', length: 2000, nullable: true },
  },
});
