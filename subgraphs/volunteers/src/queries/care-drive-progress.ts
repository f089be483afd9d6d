import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../kit/src/auth.js';
import { whereInScope } from '../../../kit/src/scope.js';
import { CareDriveTarget } from '../entities/care-drive.js';
import type { CareDriveGridProgressModel } from '../mappers.js';

/**
 * Each drive's progress per grid, for many drives in one grouped statement: every target
 * counts once, by its latest visit, and only grids inside the viewer's scope are listed.
 */
export function createDriveProgressLoader(dataSource: DataSource, viewer: Viewer) {
  return new DataLoader<string, CareDriveGridProgressModel[]>(async (driveIds) => {
    const count = (outcome: string) => `SUM(CASE WHEN target.lastOutcome = '${outcome}' THEN 1 ELSE 0 END)`;
    const qb = dataSource
      .getRepository(CareDriveTarget)
      .createQueryBuilder('target')
      .select('target.driveId', 'driveId')
      .addSelect('target.gridId', 'gridId')
      .addSelect('target.areaCode', 'gridCode')
      .addSelect('COUNT(*)', 'targets')
      .addSelect(count('DELIVERED'), 'delivered')
      .addSelect(count('REFUSED'), 'refused')
      .addSelect(count('NOT_HOME'), 'notHome')
      .addSelect('SUM(CASE WHEN target.lastOutcome IS NULL THEN 1 ELSE 0 END)', 'remaining')
      .where('target.driveId IN (:...driveIds)', { driveIds: [...driveIds] })
      .groupBy('target.driveId')
      .addGroupBy('target.gridId')
      .addGroupBy('target.areaCode')
      .orderBy('target.areaCode', 'ASC');
    whereInScope(qb, viewer, 'target.areaCode');
    const rows: Record<string, string | number>[] = await qb.getRawMany();
    const byDrive = new Map<string, CareDriveGridProgressModel[]>(driveIds.map((id) => [id, []]));
    for (const row of rows) {
      byDrive.get(String(row.driveId))?.push({
        gridId: String(row.gridId),
        gridCode: String(row.gridCode),
        targets: Number(row.targets),
        delivered: Number(row.delivered),
        refused: Number(row.refused),
        notHome: Number(row.notHome),
        remaining: Number(row.remaining),
      });
    }
    return driveIds.map((id) => byDrive.get(id) ?? []);
  });
}
