import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { scopeSql } from '../../../kit/src/scope.js';

export interface BuildingCounts {
  buildings: number;
  households: number;
}

/**
 * Buildings and their registered households under many area-code prefixes in one
 * statement (a UNION ALL of indexed counts), for `buildingCount` and `householdCount`
 * asked of a page of grids.
 */
export function createBuildingCountLoader(dataSource: DataSource, viewer: Viewer): DataLoader<string, BuildingCounts> {
  const scope = scopeSql(viewer, 'area_code');
  return new DataLoader(async (prefixes) => {
    const params: unknown[] = [];
    const sql = prefixes
      .map((prefix, index) => {
        params.push(index, `${prefix}%`, ...scope.params);
        return `SELECT ? AS k, COUNT(*) AS b, COALESCE(SUM(household_count), 0) AS h FROM building WHERE area_code LIKE ? AND ${scope.sql}`;
      })
      .join(' UNION ALL ');
    const rows: { k: number | string; b: number | string; h: number | string }[] = await dataSource.query(sql, params);
    const byIndex = new Map(
      rows.map((row) => [Number(row.k), { buildings: Number(row.b), households: Number(row.h) }]),
    );
    return prefixes.map((_, index) => byIndex.get(index) ?? { buildings: 0, households: 0 });
  });
}
