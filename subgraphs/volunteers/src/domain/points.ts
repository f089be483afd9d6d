import { problem, type Problem } from './problems.js';

/** EARN: confirmed hours; REDEEM: a redemption; REVERSAL: a cancelled one; ADJUSTMENT: a correction or an admin's fix. */
export const POINT_ENTRY_TYPES = ['EARN', 'REDEEM', 'REVERSAL', 'ADJUSTMENT'] as const;
export type PointEntryType = (typeof POINT_ENTRY_TYPES)[number];

/** A category missing from `point_rate` (an old activity's) earns this much an hour. */
export const DEFAULT_POINTS_PER_HOUR = 10;

/** The rates the 1764500000000 migration starts every database with (it keeps its own frozen copy). */
export const STARTING_POINT_RATES: Readonly<Record<string, number>> = {
  楼道清扫: 10,
  院落整治: 10,
  安全巡查: 12,
  关爱走访: 12,
  文明劝导: 10,
  应急服务: 15,
};

/** Points for confirmed minutes at a rate per hour; whole points, rounded down. */
export function pointsFor(minutes: number, pointsPerHour: number): number {
  return Math.floor((minutes * pointsPerHour) / 60);
}

/**
 * The balance after adding `points` (negative to take), or why not: the balance is the
 * sum of the ledger and never goes below zero.
 */
export function balanceAfter(balance: number, points: number): { balance: number } | { problem: Problem } {
  const next = balance + points;
  if (next < 0) return { problem: problem('INSUFFICIENT_POINTS', null, { needed: -points, balance }) };
  return { balance: next };
}
