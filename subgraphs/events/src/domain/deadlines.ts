import type { DeadlineRule } from './categories.js';
import type { EventStatus } from './event-values.js';
import type { EventStep } from './status-flow.js';
import { addLimit, limitLeft, type WorkingCalendar } from './working-time.js';

/**
 * Which clock runs in each status: registering after a report, accepting after a
 * dispatch, and finishing (closing) after registration for everything in between.
 * Suspended (挂账) and finished events have none.
 */
export const DEADLINE_STAGES = ['REGISTER', 'ACCEPT', 'FINISH'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export function stageOf(status: EventStatus): DeadlineStage | null {
  switch (status) {
    case 'REPORTED':
      return 'REGISTER';
    case 'DISPATCHED':
      return 'ACCEPT';
    case 'REGISTERED':
    case 'ACCEPTED':
    case 'RETURNED':
    case 'IN_PROGRESS':
    case 'FEEDBACK_SUBMITTED':
    case 'VERIFIED':
    case 'REOPENED':
      return 'FINISH';
    default:
      return null;
  }
}

/** The deadline columns of an event. */
export interface EventTiming {
  /** The running stage's deadline; indexed, read by the overdue filter and the scheduled check. */
  deadlineAt: Date | null;
  deadlineStage: DeadlineStage | null;
  /** When the event must be closed; fixed at registration, moved only by resuming from 挂账. */
  finishDueAt: Date | null;
  /** The scheduled check has recorded that the running deadline passed. */
  overdueMarked: boolean;
  /** Minutes the running stage had left when the event was suspended. */
  suspendedRemainingMinutes: number | null;
}

export const NO_TIMING: EventTiming = {
  deadlineAt: null,
  deadlineStage: null,
  finishDueAt: null,
  overdueMarked: false,
  suspendedRemainingMinutes: null,
};

export interface TimingInput {
  step: EventStep;
  /** The status the step leads to. */
  to: EventStatus;
  current: EventTiming;
  now: Date;
  rule: DeadlineRule;
  calendar: WorkingCalendar;
}

const add = (input: TimingInput, from: Date, minutes: number) =>
  addLimit(from, minutes, input.rule.clock, input.calendar);

/** Where the deadlines stand after a step. */
export function timingAfter(input: TimingInput): EventTiming {
  const { step, to, current, now, rule } = input;
  let finishDueAt = current.finishDueAt;
  let suspendedRemainingMinutes: number | null = null;
  let acceptDueAt: Date | null = null;
  if ((step === 'REGISTER' || step === 'DISPATCH') && finishDueAt === null)
    finishDueAt = add(input, now, rule.limits.finishMinutes);
  if (step === 'DISPATCH' || step === 'ESCALATE') acceptDueAt = add(input, now, rule.limits.acceptMinutes);
  if (step === 'SUSPEND') {
    suspendedRemainingMinutes = current.deadlineAt
      ? limitLeft(now, current.deadlineAt, rule.clock, input.calendar)
      : null;
  }
  if (step === 'RESUME' && current.suspendedRemainingMinutes !== null) {
    const resumed = add(input, now, current.suspendedRemainingMinutes);
    if (stageOf(to) === 'ACCEPT') acceptDueAt = resumed;
    else finishDueAt = resumed;
  }
  if (step === 'RESUME' && stageOf(to) === 'ACCEPT' && acceptDueAt === null)
    acceptDueAt = add(input, now, rule.limits.acceptMinutes);
  const stage = stageOf(to);
  const deadlineAt =
    stage === 'ACCEPT'
      ? acceptDueAt
      : stage === 'FINISH'
        ? finishDueAt
        : stage === 'REGISTER'
          ? current.deadlineAt
          : null;
  const unchanged = deadlineAt?.getTime() === current.deadlineAt?.getTime() && stage === current.deadlineStage;
  return {
    deadlineAt,
    deadlineStage: deadlineAt ? stage : null,
    finishDueAt,
    overdueMarked: unchanged ? current.overdueMarked : false,
    suspendedRemainingMinutes,
  };
}

/** The timing of a newly reported event; an explicit finish date (a rectification's) overrides the catalogue. */
export function timingOfReport(
  reportedAt: Date,
  rule: DeadlineRule,
  calendar: WorkingCalendar,
  finishBy: Date | null = null,
): EventTiming {
  return {
    ...NO_TIMING,
    deadlineAt: addLimit(reportedAt, rule.limits.registerMinutes, rule.clock, calendar),
    deadlineStage: 'REGISTER',
    finishDueAt: finishBy,
  };
}

/** Overdue: the running stage's deadline has passed. */
export function isOverdue(deadlineAt: Date | null, now: Date): boolean {
  return deadlineAt !== null && deadlineAt.getTime() < now.getTime();
}

export const STAGE_LABELS: Record<DeadlineStage, string> = { REGISTER: '立案', ACCEPT: '接收', FINISH: '办结' };
