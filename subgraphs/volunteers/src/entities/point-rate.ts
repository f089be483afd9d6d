import { EntitySchema } from 'typeorm';

/** The points one confirmed hour of a category earns. The rows are the category catalogue. */
export interface PointRateEntity {
  category: string;
  pointsPerHour: number;
  updatedAt: Date;
  updatedBy: string;
}

export const PointRate = new EntitySchema<PointRateEntity>({
  name: 'PointRate',
  tableName: 'point_rate',
  columns: {
    category: { type: 'varchar', length: 32, primary: true },
    pointsPerHour: { name: 'points_per_hour', type: 'int' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
    updatedBy: { name: 'updated_by', type: 'varchar', length: 128 },
  },
});
