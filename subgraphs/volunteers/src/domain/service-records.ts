import type { ActivityStatus } from './activity-status.js';
import { problem, type Problem } from './problems.js';
import { hoursToMinutes, minutesToHours } from './service-hours.js';
import { reasonText } from './text.js';

export type RecordSource = 'ACTIVITY' | 'OPENING';
export type RecordStatus = 'PENDING' | 'CONFIRMED';
export type RecordChangeKind = 'CREATED' | 'MIGRATED' | 'CONFIRMED' | 'ADJUSTED' | 'CORRECTED';

export const OPENING_TITLE = '历史服务时长';

/**
 * Hours asked for in a confirmation or correction, as whole minutes, or why not: a
 * non-negative number no longer than the activity's window (travel never counts). An
 * OPENING record has no window.
 */
export function requestedMinutes(
  hours: number,
  windowMinutes: number | null,
  field: string,
): { minutes: number } | { problem: Problem } {
  if (!Number.isFinite(hours) || hours < 0) return { problem: problem('INVALID_HOURS', field) };
  const minutes = hoursToMinutes(hours);
  if (windowMinutes !== null && minutes > windowMinutes) {
    return {
      problem: problem('HOURS_EXCEED_WINDOW', field, { hours: Math.round(minutesToHours(windowMinutes) * 100) / 100 }),
    };
  }
  return { minutes };
}

export interface Confirmation {
  minutes: number;
  /** Set when the organiser changed the computed minutes. */
  adjustmentReason: string | null;
}

/**
 * What confirming a record writes, or why not: a pending record of a finished activity;
 * hours within the window; a reason whenever they differ from the computed ones.
 */
export function confirmation(
  record: { status: RecordStatus; computedMinutes: number; windowMinutes: number | null },
  activityStatus: ActivityStatus,
  hours: number | null | undefined,
  reason: string | null | undefined,
): { confirmation: Confirmation } | { problem: Problem } {
  if (record.status === 'CONFIRMED') return { problem: problem('RECORD_ALREADY_CONFIRMED', 'recordId') };
  if (activityStatus !== 'FINISHED') return { problem: problem('ACTIVITY_NOT_FINISHED', 'recordId') };
  if (hours === null || hours === undefined)
    return { confirmation: { minutes: record.computedMinutes, adjustmentReason: null } };
  const asked = requestedMinutes(hours, record.windowMinutes, 'hours');
  if ('problem' in asked) return asked;
  if (asked.minutes === record.computedMinutes)
    return { confirmation: { minutes: asked.minutes, adjustmentReason: null } };
  const why = reasonText(reason);
  if ('problem' in why) return why;
  return { confirmation: { minutes: asked.minutes, adjustmentReason: why.value } };
}
