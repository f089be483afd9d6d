export type StatsPeriod = 'DAY' | 'MONTH' | 'YEAR';

const DAY = 86_400_000;
const LIMITS: Record<StatsPeriod, number> = { DAY: 400 * DAY, MONTH: 20 * 366 * DAY, YEAR: 100 * 366 * DAY };

/** Why a statistics range is refused, or null: `from` before `to`, and not more periods than a chart shows. */
export function statsRangeProblem(
  from: Date,
  to: Date,
  period: StatsPeriod,
): { argument: string; message: string } | null {
  if (from.getTime() >= to.getTime()) return { argument: 'to', message: 'to 必须晚于 from' };
  if (to.getTime() - from.getTime() > LIMITS[period]) {
    return { argument: 'to', message: period === 'DAY' ? '按日统计的时间范围不能超过 400 天' : '统计时间范围过长' };
  }
  return null;
}

/** The Asia/Shanghai calendar label of an instant for a period: 2026, 2026-11, 2026-11-29. */
export function periodLabel(instant: Date, period: StatsPeriod): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return local.slice(0, period === 'YEAR' ? 4 : period === 'MONTH' ? 7 : 10);
}
