/**
 * Working time in Asia/Shanghai (UTC+8, no daylight saving): deadlines of normal events
 * count only minutes inside working hours on working days. Working days are Monday to
 * Friday, minus public holidays, plus the weekend days worked in exchange (调休上班).
 */
export interface WorkingCalendar {
  /** Working periods of a day in minutes after local midnight, sorted, e.g. [[540, 720], [810, 1050]]. */
  periods: readonly (readonly [number, number])[];
  /** Local dates (YYYY-MM-DD) that are holidays. */
  holidays: ReadonlySet<string>;
  /** Local weekend dates (YYYY-MM-DD) that are working days. */
  workdays: ReadonlySet<string>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;
/** No limit in the catalogue reaches this far; a calendar without working days fails loudly instead of looping. */
const MAX_DAYS = 3660;

export const DEFAULT_WORKING_HOURS = '09:00-12:00,13:30-17:30';

/** Parses `09:00-12:00,13:30-17:30` into sorted, non-overlapping periods; null when malformed. */
export function parseWorkingHours(text: string): [number, number][] | null {
  const periods: [number, number][] = [];
  for (const part of text
    .split(',')
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(part);
    if (!match) return null;
    const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
    if (Number(match[2]) > 59 || Number(match[4]) > 59 || end > 24 * 60 || start >= end) return null;
    periods.push([start, end]);
  }
  periods.sort((a, b) => a[0] - b[0]);
  const overlapping = periods.some((period, index) => index > 0 && period[0] < periods[index - 1]![1]);
  return periods.length && !overlapping ? periods : null;
}

/** Parses `2026-10-01..2026-10-07,2026-12-31` into the local dates it names; null when malformed. */
export function parseDateList(text: string): Set<string> | null {
  const dates = new Set<string>();
  for (const part of text
    .split(',')
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const [first, last = first] = part.split('..');
    const start = parseLocalDate(first ?? '');
    const end = parseLocalDate(last ?? '');
    if (start === null || end === null || end < start || (end - start) / DAY > 366) return null;
    for (let day = start; day <= end; day += DAY) dates.add(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

function parseLocalDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text ? null : time;
}

export function isWorkingDay(localDay: number, calendar: WorkingCalendar): boolean {
  // Deadlines walk day by day: the date is only written out when a calendar lists dates.
  if (calendar.workdays.size || calendar.holidays.size) {
    const key = new Date(localDay * DAY).toISOString().slice(0, 10);
    if (calendar.workdays.has(key)) return true;
    if (calendar.holidays.has(key)) return false;
  }
  // Day 0, 1970-01-01, was a Thursday.
  const weekday = (((localDay + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Working periods of one local day as UTC instants, clipped to start no earlier than `from`. */
function periodsOfDay(localDay: number, calendar: WorkingCalendar, from: number): [number, number][] {
  if (!isWorkingDay(localDay, calendar)) return [];
  const midnight = localDay * DAY - SHANGHAI_OFFSET;
  const periods: [number, number][] = [];
  for (const [start, end] of calendar.periods) {
    const opens = Math.max(midnight + start * MINUTE, from);
    const closes = midnight + end * MINUTE;
    if (opens < closes) periods.push([opens, closes]);
  }
  return periods;
}

/** The instant `minutes` working minutes after `start`. */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar): Date {
  let remaining = minutes * MINUTE;
  if (remaining <= 0) return new Date(start);
  const from = start.getTime();
  const firstDay = Math.floor((from + SHANGHAI_OFFSET) / DAY);
  for (let day = firstDay; day < firstDay + MAX_DAYS; day += 1) {
    for (const [periodStart, periodEnd] of periodsOfDay(day, calendar, from)) {
      if (remaining <= periodEnd - periodStart) return new Date(periodStart + remaining);
      remaining -= periodEnd - periodStart;
    }
  }
  throw new Error('the working calendar has no working time within ten years');
}

/** Working minutes between two instants (0 when `end` is not after `start`), rounded up. */
export function workingMinutesBetween(start: Date, end: Date, calendar: WorkingCalendar): number {
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  let total = 0;
  const lastDay = Math.floor((to + SHANGHAI_OFFSET) / DAY);
  for (let day = Math.floor((from + SHANGHAI_OFFSET) / DAY); day <= lastDay; day += 1) {
    for (const [periodStart, periodEnd] of periodsOfDay(day, calendar, from))
      total += Math.max(0, Math.min(periodEnd, to) - periodStart);
  }
  return Math.ceil(total / MINUTE);
}

/** Adds time to an instant: working minutes, or clock minutes for urgent events. */
export function addLimit(start: Date, minutes: number, clock: 'WORKING' | 'CLOCK', calendar: WorkingCalendar): Date {
  return clock === 'CLOCK' ? new Date(start.getTime() + minutes * MINUTE) : addWorkingMinutes(start, minutes, calendar);
}

/** Minutes left until a deadline, counted the way the deadline was. */
export function limitLeft(now: Date, deadline: Date, clock: 'WORKING' | 'CLOCK', calendar: WorkingCalendar): number {
  if (clock === 'CLOCK') return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / MINUTE));
  return workingMinutesBetween(now, deadline, calendar);
}
