import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { areaPrefix } from '../../../kit/src/area-code.js';
import type { Viewer } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import { narrowScope, scopeSql } from '../../../kit/src/scope.js';
import { dialectOf, sqlTimestamp } from '../../../kit/src/sql.js';
import { statsRangeProblem, type StatsPeriod } from '../domain/stats-range.js';
import type { Loaders } from '../loaders.js';

export interface StatsKey {
  code: string;
  from: Date;
  to: Date;
  period: StatsPeriod;
}

export interface StatsFigures {
  activities: number;
  confirmedMinutes: number;
  volunteersServed: number;
}

export interface VolunteerStatsFigures extends StatsFigures {
  volunteers: number;
  periods: (StatsFigures & { period: string })[];
}

const FORMATS: Record<StatsPeriod, string> = { DAY: '%Y-%m-%d', MONTH: '%Y-%m', YEAR: '%Y' };

/** The Asia/Shanghai calendar period of a UTC datetime column, in the database's own dialect. */
function bucket(dataSource: DataSource, column: string, period: StatsPeriod): string {
  return dialectOf(dataSource) === 'mysql'
    ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '${FORMATS[period]}')`
    : `strftime('${FORMATS[period]}', ${column}, '+8 hours')`;
}

/**
 * `Area.volunteerStats` for many areas in three statements, whatever their number: each
 * is a UNION ALL of one small indexed select per area, counted in SQL by area-code prefix
 * inside the viewer's scope. Volunteers count where they live; activities and hours where
 * they were served.
 */
export function createStatsLoader(dataSource: DataSource, viewer: Viewer) {
  const dialect = dialectOf(dataSource);
  return new DataLoader<StatsKey, VolunteerStatsFigures, string>(
    async (keys) => {
      const volunteerSelects: string[] = [];
      const activitySelects: string[] = [];
      const recordSelects: string[] = [];
      const volunteerParams: unknown[] = [];
      const activityParams: unknown[] = [];
      const recordParams: unknown[] = [];
      keys.forEach((key, index) => {
        const prefix = areaPrefix(key.code);
        const scope = scopeSql(narrowScope(viewer, prefix), 'area_code');
        const range = [sqlTimestamp(dialect, key.from), sqlTimestamp(dialect, key.to)];
        volunteerSelects.push(`SELECT ? AS k, COUNT(*) AS n FROM volunteer WHERE area_code LIKE ? AND ${scope.sql}`);
        volunteerParams.push(index, `${prefix}%`, ...scope.params);
        const activityBucket = bucket(dataSource, 'starts_at', key.period);
        activitySelects.push(
          `SELECT ? AS k, ${activityBucket} AS b, COUNT(*) AS n FROM activity WHERE area_code LIKE ? AND ${scope.sql}` +
            ` AND status IN ('PUBLISHED', 'ONGOING', 'FINISHED') AND starts_at >= ? AND starts_at < ? GROUP BY ${activityBucket}`,
        );
        activityParams.push(index, `${prefix}%`, ...scope.params, ...range);
        const recordBucket = bucket(dataSource, 'served_at', key.period);
        const recordWhere = `FROM service_record WHERE area_code LIKE ? AND ${scope.sql} AND status = 'CONFIRMED' AND served_at >= ? AND served_at < ?`;
        recordSelects.push(
          `SELECT ? AS k, ${recordBucket} AS b, SUM(minutes) AS m, COUNT(DISTINCT volunteer_id) AS v ${recordWhere} GROUP BY ${recordBucket}`,
        );
        recordSelects.push(
          `SELECT ? AS k, '*' AS b, COALESCE(SUM(minutes), 0) AS m, COUNT(DISTINCT volunteer_id) AS v ${recordWhere}`,
        );
        recordParams.push(
          index,
          `${prefix}%`,
          ...scope.params,
          ...range,
          index,
          `${prefix}%`,
          ...scope.params,
          ...range,
        );
      });
      const [volunteers, activities, records] = (await Promise.all([
        dataSource.query(volunteerSelects.join(' UNION ALL '), volunteerParams),
        dataSource.query(activitySelects.join(' UNION ALL '), activityParams),
        dataSource.query(recordSelects.join(' UNION ALL '), recordParams),
      ])) as [
        { k: unknown; n: unknown }[],
        { k: unknown; b: string; n: unknown }[],
        { k: unknown; b: string; m: unknown; v: unknown }[],
      ];
      return keys.map((_, index) => {
        const mine = <R extends { k: unknown }>(rows: R[]) => rows.filter((row) => Number(row.k) === index);
        const periods = new Map<string, StatsFigures & { period: string }>();
        const periodOf = (label: string) => {
          const existing = periods.get(label) ?? {
            period: label,
            activities: 0,
            confirmedMinutes: 0,
            volunteersServed: 0,
          };
          periods.set(label, existing);
          return existing;
        };
        for (const row of mine(activities)) periodOf(row.b).activities = Number(row.n);
        let total = { confirmedMinutes: 0, volunteersServed: 0 };
        for (const row of mine(records)) {
          const figures = { confirmedMinutes: Number(row.m ?? 0), volunteersServed: Number(row.v) };
          if (row.b === '*') total = figures;
          else Object.assign(periodOf(row.b), figures);
        }
        const sorted = [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
        return {
          volunteers: Number(mine(volunteers)[0]?.n ?? 0),
          activities: sorted.reduce((sum, period) => sum + period.activities, 0),
          ...total,
          periods: sorted,
        };
      });
    },
    { cacheKeyFn: (key) => `${key.code}|${key.from.toISOString()}|${key.to.toISOString()}|${key.period}` },
  );
}

/** `Area.volunteerStats`: a range a chart can show (else BAD_USER_INPUT naming the argument), then the batched figures. */
export function volunteerStatsOf(
  loaders: Loaders,
  code: string,
  args: { from: Date; to: Date; period?: StatsPeriod | null },
): Promise<VolunteerStatsFigures> {
  const period = args.period ?? 'MONTH';
  const problem = statsRangeProblem(args.from, args.to, period);
  if (problem) throw badUserInput(problem.message, problem.argument);
  return loaders.volunteerStats.load({ code, from: args.from, to: args.to, period });
}
