/**
 * The values an event's status, priority and source may take. The status flow itself
 * (which step may follow which, and who may take it) is in status-flow.ts.
 */
export const EVENT_STATUSES = [
  'REPORTED',
  'REGISTERED',
  'CANCELLED',
  'DISPATCHED',
  'ACCEPTED',
  'RETURNED',
  'IN_PROGRESS',
  'FEEDBACK_SUBMITTED',
  'VERIFIED',
  'CLOSED',
  'REOPENED',
  'SUSPENDED',
  'EVALUATED',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_PRIORITIES = ['NORMAL', 'URGENT'] as const;
export type EventPriority = (typeof EVENT_PRIORITIES)[number];

/** DELIBERATION: opened by a decision of the deliberation hall (网格议事厅). */
export const EVENT_SOURCES = [
  'PATROL',
  'RESIDENT',
  'HOTLINE_12345',
  'INSPECTION',
  'VISIT',
  'DRILL',
  'DELIBERATION',
] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Narrows a stored or imported string to one of the allowed values, or fails loudly. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`unknown ${what}: ${value}`);
}
