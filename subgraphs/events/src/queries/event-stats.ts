import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { scopeSql } from '../../../kit/src/scope.js';
import { dialectOf, prefixCondition, sqlTimestamp, type Dialect } from '../../../kit/src/sql.js';
import type { EventStatus } from '../domain/event-values.js';
import { medianOf, medianWindow, summarize, type EventStatistics, type StatsGroup } from '../domain/stats.js';

export interface StatsKey {
  /** An area or grid code prefix, already checked. */
  prefix: string;
  from: Date | null;
  to: Date | null;
  /** The instant "overdue" is judged at. */
  now: Date;
}

/**
 * What `EventStats` resolves from: the counts of one aggregate, and the key and number of
 * timed events its median is read with, only when a client asks for the median.
 */
export interface EventStatsModel extends Omit<EventStatistics, 'medianSecondsToClose'> {
  key: StatsKey;
  timed: number;
}

const statsCacheKey = (key: StatsKey) =>
  `${key.prefix}|${key.from?.toISOString() ?? ''}|${key.to?.toISOString() ?? ''}|${key.now.toISOString()}`;

/**
 * Event statistics of many areas in one statement however many areas and events there
 * are: an aggregate of status × category groups with closed, on-time and overdue sums.
 * Events count by the time they were reported, in [from, to). The median time to close
 * is a second statement (`createMedianLoader`), sent only when a client selects it: on
 * a community dashboard it was a third of the events subgraph's database time.
 */
export function createStatsLoader(
  dataSource: DataSource,
  viewer: Viewer,
): DataLoader<StatsKey, EventStatsModel, string> {
  const kind = dialectOf(dataSource);
  const where = statsWhere(kind, viewer);

  return new DataLoader<StatsKey, EventStatsModel, string>(
    async (keys) => {
      const params: unknown[] = [];
      const aggregate = keys
        .map((key, index) => {
          const filter = where(key);
          params.push(index, sqlTimestamp(kind, key.now), ...filter.params);
          return (
            'SELECT ? AS k, status, category, COUNT(*) AS n, ' +
            'SUM(CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed, ' +
            'SUM(CASE WHEN closed_at IS NOT NULL AND closed_at <= finish_due_at THEN 1 ELSE 0 END) AS on_time, ' +
            'SUM(CASE WHEN deadline_at < ? THEN 1 ELSE 0 END) AS overdue, ' +
            'SUM(CASE WHEN close_seconds IS NOT NULL THEN 1 ELSE 0 END) AS timed ' +
            `FROM grid_event WHERE ${filter.sql} GROUP BY status, category`
          );
        })
        .join(' UNION ALL ');
      const rows: Record<string, unknown>[] = await dataSource.query(aggregate, params);
      const groups = keys.map(() => [] as StatsGroup[]);
      for (const row of rows) {
        groups[Number(row.k)]?.push({
          status: row.status as EventStatus,
          category: String(row.category),
          count: Number(row.n),
          closed: Number(row.closed),
          closedOnTime: Number(row.on_time),
          overdue: Number(row.overdue),
          timed: Number(row.timed),
        });
      }
      return keys.map((key, index) => {
        const { medianSecondsToClose: _none, ...counts } = summarize(groups[index] ?? [], null);
        return { ...counts, key, timed: (groups[index] ?? []).reduce((sum, group) => sum + group.timed, 0) };
      });
    },
    { cacheKeyFn: statsCacheKey },
  );
}

/**
 * Medians of time to close for statistics already counted, in one statement for any
 * number of areas: the middle one or two closing times of each, from the
 * (area_code, close_seconds, reported_at) index.
 */
export function createMedianLoader(
  dataSource: DataSource,
  viewer: Viewer,
): DataLoader<EventStatsModel, number | null, string> {
  const where = statsWhere(dialectOf(dataSource), viewer);
  return new DataLoader<EventStatsModel, number | null, string>(
    async (stats) => {
      const medians = await middleClosingTimes(dataSource, stats, where);
      return stats.map((_, index) => medianOf(medians.get(index) ?? []));
    },
    { cacheKeyFn: (stats) => statsCacheKey(stats.key) },
  );
}

type StatsWhere = (key: StatsKey) => { sql: string; params: unknown[] };

/** The rows one statistics key counts: under its prefix, in the viewer's scope, in its window. */
function statsWhere(kind: Dialect, viewer: Viewer): StatsWhere {
  const scope = scopeSql(viewer, 'area_code');
  const prefix = prefixCondition(kind, 'area_code');
  return (key) => {
    const conditions = [prefix.sql, scope.sql];
    const params: unknown[] = [...prefix.params(key.prefix), ...scope.params];
    if (key.from) {
      conditions.push('reported_at >= ?');
      params.push(sqlTimestamp(kind, key.from));
    }
    if (key.to) {
      conditions.push('reported_at < ?');
      params.push(sqlTimestamp(kind, key.to));
    }
    return { sql: conditions.join(' AND '), params };
  };
}

async function middleClosingTimes(
  dataSource: DataSource,
  stats: readonly EventStatsModel[],
  where: StatsWhere,
): Promise<Map<number, number[]>> {
  const params: unknown[] = [];
  const selects: string[] = [];
  stats.forEach(({ key, timed }, index) => {
    const window = medianWindow(timed);
    if (!window) return;
    const filter = where(key);
    params.push(index, ...filter.params);
    selects.push(
      `SELECT * FROM (SELECT ? AS k, close_seconds AS s FROM grid_event WHERE ${filter.sql} AND close_seconds IS NOT NULL ` +
        `ORDER BY close_seconds LIMIT ${window.take} OFFSET ${window.offset}) AS m${index}`,
    );
  });
  const middle = new Map<number, number[]>();
  if (!selects.length) return middle;
  const rows: { k: number | string; s: number | string }[] = await dataSource.query(
    selects.join(' UNION ALL '),
    params,
  );
  for (const row of rows) middle.set(Number(row.k), [...(middle.get(Number(row.k)) ?? []), Number(row.s)]);
  return middle;
}
