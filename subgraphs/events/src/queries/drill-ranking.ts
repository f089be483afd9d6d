import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { scopeSql } from '../../../kit/src/scope.js';
import { placeholders } from '../../../kit/src/sql.js';
import { rankCommunities, type RankedCommunity } from '../domain/drill.js';

/** Each drill's community results in one aggregate statement for all drills asked; ranked by the domain rule. */
export function createDrillRankingLoader(
  dataSource: DataSource,
  viewer: Viewer,
): DataLoader<string, RankedCommunity[]> {
  return new DataLoader(async (drillIds) => {
    const scope = scopeSql(viewer, 'area_code');
    const rows: Record<string, unknown>[] = await dataSource.query(
      'SELECT drill_id, community_code, COUNT(*) AS workers, COUNT(accept_seconds) AS accepted, COUNT(feedback_seconds) AS feedback, ' +
        'AVG(accept_seconds) AS avg_accept, AVG(feedback_seconds) AS avg_feedback ' +
        `FROM drill_participant WHERE drill_id IN (${placeholders(drillIds)}) AND ${scope.sql} GROUP BY drill_id, community_code`,
      [...drillIds, ...scope.params],
    );
    const average = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return drillIds.map((drillId) =>
      rankCommunities(
        rows
          .filter((row) => row.drill_id === drillId)
          .map((row) => ({
            communityCode: String(row.community_code),
            workers: Number(row.workers),
            accepted: Number(row.accepted),
            feedbackSubmitted: Number(row.feedback),
            averageSecondsToAccept: average(row.avg_accept),
            averageSecondsToFeedback: average(row.avg_feedback),
          })),
      ),
    );
  });
}
