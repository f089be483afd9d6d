import type { DeadlineRule } from './categories.js';
import { STAGE_LABELS, timingAfter, type EventTiming } from './deadlines.js';
import { LEVEL_LABELS, nextLink, type ChainLink } from './dispatch.js';
import type { EventStatus } from './event-values.js';
import type { WorkingCalendar } from './working-time.js';

/** What the scheduled check needs to know of an event whose running deadline has passed. */
export interface LateEvent extends EventTiming {
  status: EventStatus;
  escalationChain: ChainLink[] | null;
  escalationIndex: number;
}

export type DeadlineAction =
  | { step: 'ESCALATE'; link: ChainLink; escalationIndex: number; timing: EventTiming; note: string }
  | { step: 'OVERDUE'; note: string };

/**
 * What the scheduled check does with a late event: one not accepted in time escalates
 * one level up its responsible chain, with a fresh time to accept; anything else (or an
 * event already at the top) is marked overdue once for its running deadline.
 */
export function planDeadlineAction(
  event: LateEvent,
  now: Date,
  rule: DeadlineRule,
  calendar: WorkingCalendar,
): DeadlineAction {
  const link = event.status === 'DISPATCHED' ? nextLink(event.escalationChain ?? [], event.escalationIndex) : null;
  if (link) {
    const target = link.staffId ? `${LEVEL_LABELS[link.level]}责任人` : '社区';
    return {
      step: 'ESCALATE',
      link,
      escalationIndex: event.escalationIndex + 1,
      timing: timingAfter({ step: 'ESCALATE', to: 'DISPATCHED', current: event, now, rule, calendar }),
      note: `超过接收时限未接收，升级派遣至${target}`,
    };
  }
  const stage = event.deadlineStage ? STAGE_LABELS[event.deadlineStage] : '办理';
  return { step: 'OVERDUE', note: `已超过${stage}时限` };
}
