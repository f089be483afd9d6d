import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { scopeSql } from '../../../kit/src/scope.js';
import { shanghaiToday } from '../../../kit/src/time.js';
import { ageBandBounds } from '../domain/age-bands.js';
import { summarisePopulation, type PopulationGroup, type PopulationStatsModel } from '../domain/population.js';
import type { TagCatalogue } from '../domain/tags.js';

/**
 * Population statistics for many codes at once (a street, or the 50 micro-grids on a
 * screen): one statement groups residents by gender, residency type and age band, one
 * counts current tags, each a UNION ALL of one indexed aggregation per code. The number
 * of statements is fixed, however many codes and residents.
 */
export function createPopulationStatsLoader(
  dataSource: DataSource,
  viewer: Viewer,
  catalogue: () => Promise<TagCatalogue>,
): DataLoader<string, PopulationStatsModel> {
  return new DataLoader(async (prefixes) => {
    const bounds = ageBandBounds(shanghaiToday());
    const band = `CASE ${bounds.map((_, index) => `WHEN birth_date > ? THEN ${index}`).join(' ')} ELSE ${bounds.length} END`;
    const personScope = scopeSql(viewer, 'area_code');
    const tagScope = scopeSql(viewer, 't.area_code');

    const groupParams: unknown[] = [];
    const groupSql = prefixes
      .map((prefix, index) => {
        groupParams.push(index, ...bounds, `${prefix}%`, ...personScope.params);
        return (
          `SELECT * FROM (SELECT ? AS k, gender AS g, residency_type AS r, ${band} AS b, COUNT(*) AS n FROM person` +
          ` WHERE area_code LIKE ? AND status = 'ACTIVE' AND ${personScope.sql} GROUP BY 1, 2, 3, 4) AS s${index}`
        );
      })
      .join(' UNION ALL ');
    const tagParams: unknown[] = [];
    const tagSql = prefixes
      .map((prefix, index) => {
        tagParams.push(index, `${prefix}%`, ...tagScope.params);
        return (
          `SELECT * FROM (SELECT ? AS k, t.code AS c, COUNT(*) AS n FROM person_tag t JOIN person p ON p.id = t.person_id` +
          ` WHERE t.area_code LIKE ? AND t.until IS NULL AND p.status = 'ACTIVE' AND ${tagScope.sql} GROUP BY 1, 2) AS t${index}`
        );
      })
      .join(' UNION ALL ');

    const [groups, tags, kinds] = await Promise.all([
      dataSource.query(groupSql, groupParams) as Promise<
        { k: number | string; g: string; r: string; b: number | string; n: number | string }[]
      >,
      dataSource.query(tagSql, tagParams) as Promise<{ k: number | string; c: string; n: number | string }[]>,
      catalogue(),
    ]);
    return prefixes.map((prefix, index) => {
      const mine: PopulationGroup[] = groups
        .filter((row) => Number(row.k) === index)
        .map((row) => ({ gender: row.g, residencyType: row.r, band: Number(row.b), count: Number(row.n) }));
      const tagCounts = new Map(tags.filter((row) => Number(row.k) === index).map((row) => [row.c, Number(row.n)]));
      const complete = viewer.scopes.some((scope) => prefix.startsWith(scope));
      return summarisePopulation(prefix, complete, mine, tagCounts, kinds);
    });
  });
}
