import type { Role } from '../../../kit/src/auth.js';
import type { EventStatus } from './event-values.js';

/**
 * The closed loop of a grid event (GB/T 30428 practice; the 12345 hotline's 受理 → 派单 →
 * 办理 → 答复 → 办结 → 回访 → 评价) as data: which step may follow which status, who may
 * take it, and where it leads. Resolvers and the scheduled check never decide this
 * themselves; they ask `checkStep` and write what it says.
 */
export const EVENT_STEPS = [
  'REPORT',
  'REGISTER',
  'CANCEL',
  'DISPATCH',
  'ACCEPT',
  'RETURN',
  'START',
  'SUBMIT_FEEDBACK',
  'VERIFY',
  'REOPEN',
  'CLOSE',
  'SUSPEND',
  'RESUME',
  'EVALUATE',
  'ESCALATE',
  'OVERDUE',
  'MIGRATE',
] as const;
export type EventStep = (typeof EVENT_STEPS)[number];

/** The steps a person takes through a mutation; the others are written by the system. */
export type ManualStep = Exclude<EventStep, 'REPORT' | 'ESCALATE' | 'OVERDUE' | 'MIGRATE'>;

/**
 * Who takes a step: the community (社区, and the street above it), the worker the event
 * is dispatched to, or the resident who reported it.
 */
export type Party = 'COMMUNITY' | 'ASSIGNEE' | 'REPORTER';

export interface StepRule {
  from: readonly EventStatus[];
  /** `RESUMED` goes back to the status the event was suspended in. */
  to: EventStatus | 'RESUMED';
  by: Party;
  /** A reason the timeline must carry (cancelling, returning, reopening, suspending, feedback). */
  noteRequired: boolean;
  /** Chinese name of the step, for messages and the timeline. */
  label: string;
}

const HANDLING: readonly EventStatus[] = [
  'REGISTERED',
  'DISPATCHED',
  'ACCEPTED',
  'IN_PROGRESS',
  'RETURNED',
  'REOPENED',
];

export const STEP_RULES: Record<ManualStep, StepRule> = {
  REGISTER: { from: ['REPORTED'], to: 'REGISTERED', by: 'COMMUNITY', noteRequired: false, label: '立案' },
  CANCEL: { from: ['REPORTED'], to: 'CANCELLED', by: 'COMMUNITY', noteRequired: true, label: '不予立案' },
  DISPATCH: {
    from: ['REGISTERED', 'RETURNED', 'REOPENED'],
    to: 'DISPATCHED',
    by: 'COMMUNITY',
    noteRequired: false,
    label: '派遣',
  },
  ACCEPT: { from: ['DISPATCHED'], to: 'ACCEPTED', by: 'ASSIGNEE', noteRequired: false, label: '接收' },
  RETURN: { from: ['DISPATCHED'], to: 'RETURNED', by: 'ASSIGNEE', noteRequired: true, label: '退回' },
  START: { from: ['ACCEPTED', 'REOPENED'], to: 'IN_PROGRESS', by: 'ASSIGNEE', noteRequired: false, label: '开始处置' },
  SUBMIT_FEEDBACK: {
    from: ['IN_PROGRESS'],
    to: 'FEEDBACK_SUBMITTED',
    by: 'ASSIGNEE',
    noteRequired: true,
    label: '提交反馈',
  },
  VERIFY: { from: ['FEEDBACK_SUBMITTED'], to: 'VERIFIED', by: 'COMMUNITY', noteRequired: false, label: '核查通过' },
  REOPEN: {
    from: ['FEEDBACK_SUBMITTED', 'VERIFIED', 'CLOSED'],
    to: 'REOPENED',
    by: 'COMMUNITY',
    noteRequired: true,
    label: '重新处置',
  },
  CLOSE: { from: ['VERIFIED'], to: 'CLOSED', by: 'COMMUNITY', noteRequired: false, label: '结案' },
  SUSPEND: { from: HANDLING, to: 'SUSPENDED', by: 'COMMUNITY', noteRequired: true, label: '挂账' },
  RESUME: { from: ['SUSPENDED'], to: 'RESUMED', by: 'COMMUNITY', noteRequired: false, label: '恢复办理' },
  EVALUATE: { from: ['CLOSED'], to: 'EVALUATED', by: 'REPORTER', noteRequired: false, label: '评价' },
};

/** Roles that act for the community: a community worker, and a street admin above them. */
export const COMMUNITY_ROLES: readonly Role[] = ['COMMUNITY_WORKER', 'STREET_ADMIN'];
/** Roles that may report an event: staff, the community, the hotline bridge and residents. */
export const REPORTING_ROLES: readonly Role[] = [
  'GRID_WORKER',
  'COMMUNITY_WORKER',
  'STREET_ADMIN',
  'INTEGRATION',
  'RESIDENT',
];

export const STATUS_LABELS: Record<EventStatus, string> = {
  REPORTED: '已上报',
  REGISTERED: '已立案',
  CANCELLED: '不予立案',
  DISPATCHED: '已派遣',
  ACCEPTED: '已接收',
  RETURNED: '已退回',
  IN_PROGRESS: '处置中',
  FEEDBACK_SUBMITTED: '已反馈',
  VERIFIED: '已核查',
  CLOSED: '已结案',
  REOPENED: '重新处置',
  SUSPENDED: '挂账',
  EVALUATED: '已评价',
};

/** Statuses in which an event needs no more work. */
export const FINISHED_STATUSES: readonly EventStatus[] = ['CLOSED', 'EVALUATED', 'CANCELLED'];

/** Who is asking: the token's roles and the person it names. */
export interface Actor {
  subject: string;
  roles: readonly Role[];
  personId: string | null;
}

/** What the flow needs to know of an event. */
export interface FlowEvent {
  status: EventStatus;
  /** The person behind the assigned GridStaff; null when dispatched to the community or not yet dispatched. */
  assigneePersonId: string | null;
  reporterId: string | null;
  suspendedFrom: EventStatus | null;
}

export type FlowProblemCode =
  | 'ROLE_NOT_ALLOWED'
  | 'INVALID_TRANSITION'
  | 'ALREADY_EVALUATED'
  | 'NOT_ASSIGNEE'
  | 'NOT_REPORTER'
  | 'NOTE_REQUIRED';

export interface FlowProblem {
  code: FlowProblemCode;
  message: string;
  field?: string;
}

export type StepCheck = { ok: true; to: EventStatus } | { ok: false; problems: FlowProblem[] };

const isCommunity = (actor: Actor) => actor.roles.some((role) => COMMUNITY_ROLES.includes(role));

function roleMayTake(rule: StepRule, actor: Actor): boolean {
  if (rule.by === 'COMMUNITY') return isCommunity(actor);
  if (rule.by === 'ASSIGNEE') return actor.roles.includes('GRID_WORKER') || isCommunity(actor);
  return actor.personId !== null;
}

/** An assignee step on an event dispatched to a worker is that worker's; dispatched to the community, the community's. */
function partyProblem(rule: StepRule, event: FlowEvent, actor: Actor): FlowProblem | null {
  if (rule.by === 'ASSIGNEE') {
    const mine =
      event.assigneePersonId === null
        ? isCommunity(actor)
        : actor.personId === event.assigneePersonId && actor.roles.includes('GRID_WORKER');
    return mine ? null : { code: 'NOT_ASSIGNEE', message: '该事件未派遣给您，不能办理' };
  }
  if (rule.by === 'REPORTER' && (event.reporterId === null || actor.personId !== event.reporterId)) {
    return { code: 'NOT_REPORTER', message: '只有事件的上报人可以评价本人上报的事件' };
  }
  return null;
}

function transitionProblem(step: ManualStep, rule: StepRule, event: FlowEvent): FlowProblem | null {
  if (rule.from.includes(event.status)) return null;
  if (step === 'EVALUATE' && event.status === 'EVALUATED')
    return { code: 'ALREADY_EVALUATED', message: '该事件已评价，不能重复评价' };
  return {
    code: 'INVALID_TRANSITION',
    message: `事件当前状态为“${STATUS_LABELS[event.status]}”，不能执行“${rule.label}”`,
  };
}

/**
 * Whether an actor may take a step on an event now, and the status it leads to. Checks,
 * in order: the role, the status, the party (the assignee, the reporter), the note.
 */
export function checkStep(step: ManualStep, event: FlowEvent, actor: Actor, note: string | null): StepCheck {
  const rule = STEP_RULES[step];
  if (!roleMayTake(rule, actor))
    return { ok: false, problems: [{ code: 'ROLE_NOT_ALLOWED', message: `您的角色不能执行“${rule.label}”` }] };
  const flow = transitionProblem(step, rule, event) ?? partyProblem(rule, event, actor);
  const problems = flow ? [flow] : [];
  if (rule.noteRequired && !note?.trim())
    problems.push({ code: 'NOTE_REQUIRED', message: `“${rule.label}”需要填写说明`, field: 'note' });
  if (problems.length) return { ok: false, problems };
  if (rule.to !== 'RESUMED') return { ok: true, to: rule.to };
  return { ok: true, to: event.suspendedFrom ?? 'REGISTERED' };
}

/** The steps the flow allows from a status, whoever asks: for clients that draw buttons. */
export function stepsFrom(status: EventStatus): ManualStep[] {
  return (Object.keys(STEP_RULES) as ManualStep[]).filter((step) => STEP_RULES[step].from.includes(status));
}
