import { parseAreaCodeArgument } from '../../../kit/src/area-code.js';
import { requirePermission } from '../../../kit/src/auth.js';
import { badUserInput } from '../../../kit/src/errors.js';
import { narrowScope, scopeSql } from '../../../kit/src/scope.js';
import { dialectOf, sqlTimestamp } from '../../../kit/src/sql.js';
import type { Context } from '../context.js';
import { purposeLabel } from '../domain/access-purposes.js';
import type { PiiAccessSummaryFilter } from '../generated/resolvers.js';

/** How many days one summary may span. */
export const MAX_SUMMARY_DAYS = 366;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Midnight of a calendar day in Asia/Shanghai, as a UTC instant. */
function shanghaiMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export interface PiiAccessSummaryRowModel {
  day: string;
  viewer: string;
  purpose: string;
  purposeLabel: string;
  reads: number;
  people: number;
}

/**
 * Unmasked reads counted per Shanghai day, actor and purpose for an auditor (`audit:read`),
 * inside the auditor's scope: one grouped statement over the access log, the day taken
 * from the UTC timestamp shifted by eight hours (Shanghai has no daylight saving).
 */
export async function piiAccessSummary(
  context: Context,
  filter: PiiAccessSummaryFilter,
): Promise<PiiAccessSummaryRowModel[]> {
  requirePermission(context.viewer, 'audit:read');
  const areaCode = parseAreaCodeArgument('filter.areaCode', filter.areaCode);
  const from = shanghaiMidnight(filter.from);
  const until = new Date(shanghaiMidnight(filter.to).getTime() + DAY_MS);
  if (until <= from) throw badUserInput('from 不能晚于 to', 'filter.from');
  if ((until.getTime() - from.getTime()) / DAY_MS > MAX_SUMMARY_DAYS)
    throw badUserInput(`一次最多统计 ${MAX_SUMMARY_DAYS} 天`, 'filter.to');
  const kind = dialectOf(context.db.dataSource);
  const day =
    kind === 'mysql'
      ? "DATE_FORMAT(accessed_at + INTERVAL 8 HOUR, '%Y-%m-%d')"
      : "strftime('%Y-%m-%d', accessed_at, '+8 hours')";
  const scope = scopeSql(narrowScope(context.viewer, areaCode), 'area_code');
  const conditions = ['accessed_at >= ?', 'accessed_at < ?', scope.sql];
  const params: unknown[] = [sqlTimestamp(kind, from), sqlTimestamp(kind, until), ...scope.params];
  if (filter.viewer) {
    conditions.push('viewer_subject = ?');
    params.push(filter.viewer);
  }
  if (filter.purpose) {
    conditions.push('purpose = ?');
    params.push(filter.purpose);
  }
  const rows: { d: string; v: string; p: string; n: number | string; m: number | string }[] =
    await context.db.dataSource.query(
      `SELECT ${day} AS d, viewer_subject AS v, purpose AS p, COUNT(*) AS n, COUNT(DISTINCT person_id) AS m` +
        ` FROM pii_access_log WHERE ${conditions.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      params,
    );
  return rows.map((row) => ({
    day: String(row.d),
    viewer: row.v,
    purpose: row.p,
    purposeLabel: purposeLabel(row.p),
    reads: Number(row.n),
    people: Number(row.m),
  }));
}
