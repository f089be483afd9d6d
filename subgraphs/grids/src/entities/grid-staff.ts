import { EntitySchema } from 'typeorm';
import type { StaffRole } from '../domain/enums.js';

/** A person serving in one role; the grids served, over time, are its assignments. */
export interface GridStaffEntity {
  id: string;
  /** The person in the people subgraph. */
  personId: string;
  role: StaffRole;
  /** The finest code covering every grid served now (or last): scope applies to it. */
  areaCode: string;
  /** True while an assignment is open. */
  active: boolean;
  /** Contact data residents see on their service card, so served unmasked. */
  workPhone: string | null;
  createdAt: Date;
}

export const GridStaff = new EntitySchema<GridStaffEntity>({
  name: 'GridStaff',
  tableName: 'grid_staff',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    role: { type: 'varchar', length: 24 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    active: { type: 'boolean', default: true },
    workPhone: { name: 'work_phone', type: 'varchar', length: 20, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});
