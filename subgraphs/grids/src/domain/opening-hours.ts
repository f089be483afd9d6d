import { shanghaiToday } from '../../../kit/src/time.js';
import { problem, type Problem } from '../../../kit/src/problems.js';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * One weekly period: on each of `days`, from `opens` to `closes` (HH:MM, Asia/Shanghai).
 * A `closes` at or before `opens` runs past midnight into the next day (20:00–02:00);
 * `24:00` closes at midnight.
 */
export interface OpeningPeriod {
  days: Weekday[];
  opens: string;
  closes: string;
}

export interface OpeningHours {
  /** Open around the clock, every day; then there are no periods. */
  alwaysOpen: boolean;
  periods: OpeningPeriod[];
}

export const MAX_PERIODS = 14;
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const OPENS = /^([01]\d|2[0-3]):([0-5]\d)$/;
const CLOSES = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number) as [number, number];
  return hours * 60 + mins;
}

/** A period as minutes of the week (Monday 00:00 = 0), split where it wraps past Sunday midnight. */
function weekIntervals(period: OpeningPeriod): [number, number][] {
  const opens = minutes(period.opens);
  const closesRaw = minutes(period.closes);
  const closes = closesRaw > opens ? closesRaw : closesRaw + DAY_MINUTES;
  return period.days.flatMap((day): [number, number][] => {
    const start = WEEKDAYS.indexOf(day) * DAY_MINUTES + opens;
    const end = start + (closes - opens);
    return end <= WEEK_MINUTES
      ? [[start, end]]
      : [
          [start, WEEK_MINUTES],
          [0, end - WEEK_MINUTES],
        ];
  });
}

function periodProblems(period: OpeningPeriod, index: number): Problem[] {
  const field = `openingHours.periods.${index}`;
  const found: Problem[] = [];
  if (!period.days.length || new Set(period.days).size !== period.days.length) {
    found.push(problem('INVALID_OPENING_HOURS', `${field}.days`, '每个开放时段须选择至少一天，且同一天不能重复'));
  }
  if (!OPENS.test(period.opens))
    found.push(
      problem('INVALID_OPENING_HOURS', `${field}.opens`, '开始时间应为 00:00 至 23:59 之间的 HH:MM，如 08:30'),
    );
  if (!CLOSES.test(period.closes))
    found.push(
      problem('INVALID_OPENING_HOURS', `${field}.closes`, '结束时间应为 00:00 至 24:00 之间的 HH:MM，如 20:00'),
    );
  else if (OPENS.test(period.opens) && minutes(period.opens) === minutes(period.closes)) {
    found.push(
      problem('INVALID_OPENING_HOURS', `${field}.closes`, '开始与结束时间不能相同；全天开放请选择“全天 24 小时开放”'),
    );
  }
  return found;
}

/**
 * Checks opening hours as a client sends them: either always open with no periods, or
 * 1–14 well-formed periods that do not overlap anywhere in the week (an overnight period
 * counts into the next morning).
 */
export function openingHoursProblems(hours: OpeningHours): Problem[] {
  if (hours.alwaysOpen) {
    return hours.periods.length
      ? [problem('INVALID_OPENING_HOURS', 'openingHours.periods', '全天 24 小时开放时不再填写开放时段')]
      : [];
  }
  if (!hours.periods.length || hours.periods.length > MAX_PERIODS) {
    return [
      problem(
        'INVALID_OPENING_HOURS',
        'openingHours.periods',
        `请填写 1 至 ${MAX_PERIODS} 个开放时段，或选择全天 24 小时开放`,
      ),
    ];
  }
  const found = hours.periods.flatMap(periodProblems);
  if (found.length) return found;
  const intervals = hours.periods.flatMap(weekIntervals).sort((a, b) => a[0] - b[0]);
  const overlap = intervals.some(
    (interval, index) => index > 0 && interval[0] < (intervals[index - 1] as [number, number])[1],
  );
  return overlap ? [problem('OVERLAPPING_OPENING_HOURS', 'openingHours.periods', '开放时段有重叠，请合并或调整')] : [];
}

/** True when the station is open at the instant, judged by the calendar and clock of Asia/Shanghai. */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  if (hours.alwaysOpen) return true;
  const local = shanghaiToday(at);
  const minuteOfWeek = ((local.getUTCDay() + 6) % 7) * DAY_MINUTES + local.getUTCHours() * 60 + local.getUTCMinutes();
  return hours.periods.some((period) =>
    weekIntervals(period).some(([start, end]) => start <= minuteOfWeek && minuteOfWeek < end),
  );
}

/** 周一至周五, 周六、周日, 每天: consecutive runs of three or more days read as a range. */
function daysLabel(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map((day) => WEEKDAYS.indexOf(day)))].sort((a, b) => a - b);
  if (indexes.length === 7) return '每天';
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === index - 1) run.push(index);
    else runs.push([index]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${WEEKDAY_LABELS[run[0] as number]}至${WEEKDAY_LABELS[run[run.length - 1] as number]}`
        : run.map((index) => WEEKDAY_LABELS[index]).join('、'),
    )
    .join('、');
}

/** The hours as people read them: 周一至周五 08:00-20:00；周六、周日 09:00-次日02:00. */
export function openingHoursSummary(hours: OpeningHours): string {
  if (hours.alwaysOpen) return '全天 24 小时开放';
  return hours.periods
    .map((period) => {
      const overnight = minutes(period.closes) <= minutes(period.opens);
      return `${daysLabel(period.days)} ${period.opens}-${overnight ? '次日' : ''}${period.closes}`;
    })
    .join('；');
}
