import { z } from 'zod';
import type { Role } from '../../../kit/src/auth.js';
import type { CategoryDefinition } from './categories.js';
import { checkReport, issuesToProblems, type EventDraft } from './event-report.js';
import type { EventPriority } from './event-values.js';
import type { Problem } from './problems.js';
import { COMMUNITY_ROLES, type Actor } from './status-flow.js';

/**
 * 网格议事厅, the deliberation hall, as rules: who may raise, discuss, vote on and decide a
 * topic, in which state, and what a well-formed request is. The mutations in
 * `deliberation/` ask these functions and write what they allow.
 */
export const TOPIC_STATUSES = ['OPEN', 'DECIDED', 'WITHDRAWN'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const VOTE_CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const DECISION_OUTCOMES = ['ADOPTED', 'REJECTED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Staff who raise topics and join the discussion; they never vote. */
export const WORKER_ROLES: readonly Role[] = ['GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_ADMIN'];

/** Events a decision may open at once. */
export const MAX_DECISION_EVENTS = 5;

/** A resident acting as themselves: the role, and the person their verified token names. */
export const isResident = (actor: Actor) => actor.roles.includes('RESIDENT') && actor.personId !== null;
const isWorker = (actor: Actor) => actor.roles.some((role) => WORKER_ROLES.includes(role));
/** A resident who is not also staff: what they may do in a topic depends on where they live. */
export const speaksAsResident = (actor: Actor) => isResident(actor) && !isWorker(actor);
const isCommunity = (actor: Actor) => actor.roles.some((role) => COMMUNITY_ROLES.includes(role));

const notAllowed = (message: string): Problem => ({ code: 'ROLE_NOT_ALLOWED', message });
const UNNAMED_RESIDENT = notAllowed('令牌未标明您的居民身份，不能参与议事');

/** Raising: residents (in their own grid) and grid staff, the community and the street. */
export function raiseRoleProblem(actor: Actor): Problem | null {
  if (isResident(actor) || isWorker(actor)) return null;
  return actor.roles.includes('RESIDENT') ? UNNAMED_RESIDENT : notAllowed('您的角色不能发起议题');
}

/** Commenting: the grid's residents, and staff who see the topic. */
export function commentRoleProblem(actor: Actor): Problem | null {
  if (isResident(actor) || isWorker(actor)) return null;
  return actor.roles.includes('RESIDENT') ? UNNAMED_RESIDENT : notAllowed('您的角色不能参与议事讨论');
}

/** Voting: the grid's residents only; staff speak in the discussion but do not vote. */
export function voteRoleProblem(actor: Actor): Problem | null {
  if (isResident(actor)) return null;
  if (actor.roles.includes('RESIDENT')) return UNNAMED_RESIDENT;
  return notAllowed(
    isWorker(actor) ? '工作人员可以发表意见，但不能投票：只有本网格居民可以投票' : '只有本网格居民可以投票',
  );
}

/** The ways of taking part in an open topic that the residence rule concerns. */
export type TopicPart = 'COMMENT' | 'VOTE';

/**
 * Whether taking part needs living in the topic's grid. A vote always does: a vote is a
 * resident's, cast in their own grid, whatever other roles the token carries (a worker who
 * is also a resident votes where they live, never in the grids they serve). A comment
 * needs it of a resident speaking as a resident; staff comment in the topics they see.
 */
export function needsResidence(actor: Actor, part: TopicPart): boolean {
  return part === 'VOTE' || speaksAsResident(actor);
}

/** Deciding: the community (a community worker, or the street above it). */
export function decideRoleProblem(actor: Actor): Problem | null {
  return isCommunity(actor) ? null : notAllowed('只有社区可以对议题作出决议');
}

/** Withdrawing: whoever raised the topic, or the community whose scope covers it. */
export function withdrawProblem(
  actor: Actor,
  topic: { raiserSubject: string; raiserPersonId: string | null },
  coveredByScope: boolean,
): Problem | null {
  const raiser =
    topic.raiserPersonId !== null ? actor.personId === topic.raiserPersonId : actor.subject === topic.raiserSubject;
  if (raiser || (isCommunity(actor) && coveredByScope)) return null;
  return { code: 'NOT_RAISER', message: '只有议题发起人或所属社区可以撤回议题', field: 'topicId' };
}

/**
 * Whether a resident lives in a topic's grid: every place known as their home (the grid
 * the people subgraph records, or else the area codes their token is scoped to) lies
 * under the grid's prefix. A resident of a micro-grid is a resident of the general grid
 * and of the community around it too. Knowing no home is not living there.
 */
export function livesIn(homes: readonly string[], topicAreaCode: string): boolean {
  return homes.length > 0 && homes.every((home) => home.startsWith(topicAreaCode));
}

export const NOT_RESIDENT: Problem = {
  code: 'NOT_RESIDENT',
  message: '只有本网格的居民可以参与该议题',
  field: 'topicId',
};

const CLOSED_MESSAGES: Record<Exclude<TopicStatus, 'OPEN'>, string> = {
  DECIDED: '议题已作出决议，议事已结束',
  WITHDRAWN: '议题已撤回，议事已结束',
};

/** Comments, votes and withdrawals need an open topic. */
export function openProblem(status: TopicStatus): Problem | null {
  return status === 'OPEN' ? null : { code: 'TOPIC_CLOSED', message: CLOSED_MESSAGES[status], field: 'topicId' };
}

/** A topic is decided once; a withdrawn one is not decided at all. */
export function decidableProblem(status: TopicStatus): Problem | null {
  if (status === 'DECIDED')
    return { code: 'ALREADY_DECIDED', message: '该议题已作出决议，不能重复决议', field: 'topicId' };
  return openProblem(status);
}

const trimmed = (min: number, max: number, messages: { min: string; max: string }) =>
  z.string().trim().min(min, messages.min).max(max, messages.max);

const topicSchema = z.object({
  title: trimmed(2, 100, { min: '议题标题至少 2 个字', max: '议题标题不能超过 100 个字' }),
  body: trimmed(1, 2000, { min: '请填写议题内容', max: '议题内容不能超过 2000 个字' }),
});
const TOPIC_CODES = { title: 'INVALID_TITLE', body: 'INVALID_BODY' };

export interface TopicRequest {
  gridId: string;
  title: string;
  body: string;
}

/** A new topic's title (2–100 characters) and body (1–2000); the grid is checked against the graph. */
export function checkTopic(
  request: TopicRequest,
): { topic: TopicRequest; problems: [] } | { topic: null; problems: Problem[] } {
  const parsed = topicSchema.safeParse(request);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, TOPIC_CODES);
  if (!request.gridId.trim()) problems.push({ code: 'GRID_NOT_FOUND', message: '请选择议题所属网格', field: 'gridId' });
  if (problems.length || !parsed.success) return { topic: null, problems };
  return { topic: { gridId: request.gridId.trim(), ...parsed.data }, problems: [] };
}

const commentSchema = trimmed(1, 1000, { min: '评论内容不能为空', max: '评论不能超过 1000 个字' });

/** A comment's text, 1–1000 characters once trimmed. */
export function checkComment(body: string): { body: string; problems: [] } | { body: null; problems: Problem[] } {
  const parsed = commentSchema.safeParse(body);
  if (parsed.success) return { body: parsed.data, problems: [] };
  return {
    body: null,
    problems: [{ code: 'INVALID_BODY', message: parsed.error.issues[0]?.message ?? '评论内容无效', field: 'body' }],
  };
}

const reasonSchema = z
  .string()
  .trim()
  .max(500, '撤回原因不能超过 500 个字')
  .nullish()
  .transform((text) => text || null);

/** An optional reason for withdrawing, up to 500 characters. */
export function checkWithdrawReason(reason: string | null | undefined): { reason: string | null; problems: Problem[] } {
  const parsed = reasonSchema.safeParse(reason);
  if (parsed.success) return { reason: parsed.data, problems: [] };
  return {
    reason: null,
    problems: [{ code: 'INVALID_REASON', message: parsed.error.issues[0]?.message ?? '撤回原因无效', field: 'reason' }],
  };
}

export interface DecisionEventRequest {
  title: string;
  description?: string | null;
  category: string;
  priority?: EventPriority | null;
}

export interface DecisionRequest {
  outcome: DecisionOutcome;
  text: string;
  events?: DecisionEventRequest[] | null;
  projectRequest?: { title: string; plan: string } | null;
}

export interface CheckedDecision {
  outcome: DecisionOutcome;
  text: string;
  /** Events to open in the topic's grid, checked like any report, source DELIBERATION. */
  events: EventDraft[];
  project: { title: string; plan: string } | null;
}

const decisionText = trimmed(2, 2000, { min: '决议内容至少 2 个字', max: '决议内容不能超过 2000 个字' });
const projectSchema = z.object({
  title: trimmed(2, 100, { min: '共建项目名称至少 2 个字', max: '共建项目名称不能超过 100 个字' }),
  plan: trimmed(2, 2000, { min: '请填写共建项目方案', max: '共建项目方案不能超过 2000 个字' }),
});

/** The events a decision opens, each checked as a report by the community in the topic's grid. */
function checkDecisionEvents(
  requests: readonly DecisionEventRequest[],
  catalogue: readonly CategoryDefinition[],
  gridId: string,
  actor: Actor,
) {
  const drafts: EventDraft[] = [];
  const problems: Problem[] = [];
  requests.forEach((request, index) => {
    const checked = checkReport({ ...request, gridId, source: null, reporterId: null }, catalogue, {
      ...actor,
      roles: [...COMMUNITY_ROLES],
    });
    if (checked.draft) drafts.push({ ...checked.draft, source: 'DELIBERATION' });
    problems.push(
      ...checked.problems.map((problem) => ({ ...problem, field: `events.${index}.${problem.field ?? 'title'}` })),
    );
  });
  return { drafts, problems };
}

/**
 * A decision: its text (2–2000 characters), and for an adopted topic up to five events to
 * open in the topic's grid and a 家园共筑 project to ask for. A rejected topic asks for
 * neither. Every problem is reported, not only the first.
 */
export function checkDecision(
  request: DecisionRequest,
  context: { catalogue: readonly CategoryDefinition[]; gridId: string; actor: Actor },
): { decision: CheckedDecision; problems: [] } | { decision: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = decisionText.safeParse(request.text);
  if (!text.success)
    problems.push({
      code: 'INVALID_DECISION',
      message: text.error.issues[0]?.message ?? '决议内容无效',
      field: 'text',
    });
  const requests = request.events ?? [];
  const actions = requests.length > 0 || Boolean(request.projectRequest);
  if (request.outcome === 'REJECTED' && actions)
    problems.push({ code: 'INVALID_OUTCOME', message: '未通过的议题不能生成事件或共建项目', field: 'outcome' });
  if (requests.length > MAX_DECISION_EVENTS)
    problems.push({
      code: 'INVALID_EVENTS',
      message: `一项决议最多生成 ${MAX_DECISION_EVENTS} 个事件`,
      field: 'events',
    });
  const events = checkDecisionEvents(
    requests.slice(0, MAX_DECISION_EVENTS),
    context.catalogue,
    context.gridId,
    context.actor,
  );
  problems.push(...events.problems);
  const project = request.projectRequest ? projectSchema.safeParse(request.projectRequest) : null;
  if (project && !project.success) {
    problems.push(
      ...issuesToProblems(
        project.error.issues,
        { title: 'INVALID_PROJECT_REQUEST', plan: 'INVALID_PROJECT_REQUEST' },
        'projectRequest.',
      ),
    );
  }
  if (problems.length || !text.success || (project && !project.success)) return { decision: null, problems };
  return {
    decision: { outcome: request.outcome, text: text.data, events: events.drafts, project: project?.data ?? null },
    problems: [],
  };
}
