import type { EventStatus } from './event-values.js';

/** One row of the aggregate statement: events of one status and category in the window. */
export interface StatsGroup {
  status: EventStatus;
  category: string;
  count: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  /** Closed events with a time to close: the rows the median is taken over. */
  timed: number;
}

export interface EventStatistics {
  total: number;
  byStatus: { status: EventStatus; count: number }[];
  byCategory: { category: string; count: number }[];
  closed: number;
  closedOnTime: number;
  /** Share of closed events closed by their finish deadline; null when none is closed. */
  onTimeRate: number | null;
  overdue: number;
  medianSecondsToClose: number | null;
}

/**
 * The offset of the middle row(s) among `n` closed events ordered by time to close: the
 * median statement reads at most two rows from there, so it is bounded however many
 * events a street has.
 */
export function medianWindow(n: number): { offset: number; take: number } | null {
  if (n <= 0) return null;
  return { offset: Math.floor((n - 1) / 2), take: n % 2 === 1 ? 1 : 2 };
}

/** The median of the middle row(s) read at `medianWindow`. */
export function medianOf(middle: readonly number[]): number | null {
  if (!middle.length) return null;
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}

function totals<K extends string>(
  groups: readonly StatsGroup[],
  key: (group: StatsGroup) => K,
): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const group of groups) counts.set(key(group), (counts.get(key(group)) ?? 0) + group.count);
  return [...counts.entries()]
    .map(([name, count]) => ({ key: name, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Folds the status × category groups into the statistics a client reads. */
export function summarize(groups: readonly StatsGroup[], medianSecondsToClose: number | null): EventStatistics {
  const sum = (pick: (group: StatsGroup) => number) => groups.reduce((total, group) => total + pick(group), 0);
  const closed = sum((group) => group.closed);
  const closedOnTime = sum((group) => group.closedOnTime);
  return {
    total: sum((group) => group.count),
    byStatus: totals(groups, (group) => group.status).map(({ key, count }) => ({ status: key, count })),
    byCategory: totals(groups, (group) => group.category).map(({ key, count }) => ({ category: key, count })),
    closed,
    closedOnTime,
    onTimeRate: closed ? closedOnTime / closed : null,
    overdue: sum((group) => group.overdue),
    medianSecondsToClose,
  };
}
