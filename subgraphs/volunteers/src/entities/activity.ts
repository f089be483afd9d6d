import { EntitySchema } from 'typeorm';
import type { ActivityStatus } from '../domain/activity-status.js';

export interface ActivityEntity {
  id: string;
  title: string;
  /** 楼道清扫, 院落整治, 安全巡查, 关爱走访, 文明劝导, 应急服务... (see `point_rate`). */
  category: string;
  status: ActivityStatus;
  /** The grid it is held in (grids subgraph). */
  gridId: string;
  /** The code of that grid: scope and `Grid.activities` apply to it. */
  areaCode: string;
  /** The organising team, or null when the community organises it itself. */
  teamId: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string;
  description: string | null;
  capacity: number;
  /**
   * Enrolments not cancelled. Kept beside the rows so that enrolling is one conditional
   * UPDATE (`enrolled_count < capacity`), which holds under any concurrency.
   */
  enrolledCount: number;
  cancelReason: string | null;
  /** Subject of the token that created it; null for rows from before it was kept. */
  createdBy: string | null;
  /** The 家园共筑 project it carries out, if any (absent on rows written before projects). */
  projectId?: string | null;
}

export const Activity = new EntitySchema<ActivityEntity>({
  name: 'Activity',
  tableName: 'activity',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    title: { type: 'varchar', length: 128 },
    category: { type: 'varchar', length: 32 },
    status: { type: 'varchar', length: 16, default: 'DRAFT' },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    teamId: { name: 'team_id', type: 'varchar', length: 36, nullable: true },
    startsAt: { name: 'starts_at', type: 'datetime' },
    endsAt: { name: 'ends_at', type: 'datetime' },
    place: { type: 'varchar', length: 128, default: '' },
    description: { type: 'varchar', length: 512, nullable: true },
    capacity: { type: 'int' },
    enrolledCount: { name: 'enrolled_count', type: 'int', default: 0 },
    cancelReason: { name: 'cancel_reason', type: 'varchar', length: 200, nullable: true },
    createdBy: { name: 'created_by', type: 'varchar', length: 128, nullable: true },
    projectId: { name: 'project_id', type: 'varchar', length: 36, nullable: true },
  },
});
