import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { scopeSql } from '../../../kit/src/scope.js';
import { placeholders, readTimestamp } from '../../../kit/src/sql.js';

/** Person.lastVisitAt for many people in one statement, read from the (person_id, visited_at) index. */
export function createLastVisitLoader(dataSource: DataSource, viewer: Viewer): DataLoader<string, Date | null> {
  return new DataLoader(async (personIds) => {
    const scope = scopeSql(viewer, 'area_code');
    const rows: { person_id: string; last_visit: unknown }[] = await dataSource.query(
      `SELECT person_id, MAX(visited_at) AS last_visit FROM visit WHERE person_id IN (${placeholders(personIds)}) AND ${scope.sql} GROUP BY person_id`,
      [...personIds, ...scope.params],
    );
    const byPerson = new Map(rows.map((row) => [row.person_id, readTimestamp(row.last_visit)]));
    return personIds.map((personId) => byPerson.get(personId) ?? null);
  });
}
