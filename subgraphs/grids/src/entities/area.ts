import { EntitySchema } from 'typeorm';
import type { AreaLevel } from '../domain/enums.js';

export interface AreaEntity {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  administeredBy: string | null;
  isDemoCode: boolean;
}

export const Area = new EntitySchema<AreaEntity>({
  name: 'Area',
  tableName: 'area',
  columns: {
    code: { type: 'varchar', length: 12, primary: true },
    name: { type: 'varchar', length: 64 },
    level: { type: 'varchar', length: 16 },
    parentCode: { name: 'parent_code', type: 'varchar', length: 12, nullable: true },
    administeredBy: { name: 'administered_by', type: 'varchar', length: 64, nullable: true },
    isDemoCode: { name: 'is_demo_code', type: 'boolean', default: false },
  },
});
