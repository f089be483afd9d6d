import { EntitySchema } from 'typeorm';

export type StaffRole = 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'MICRO_GRID_WORKER' | 'BUILDING_STEWARD';

export interface GridStaffEntity {
  id: string;
  /** The person in the people subgraph. */
  personId: string;
  role: StaffRole;
  /** The finest code covering every grid served: scope applies to it. */
  areaCode: string;
  active: boolean;
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
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});

/** Which grids a staff member serves. */
export interface StaffAssignmentEntity {
  staffId: string;
  gridId: string;
}

export const StaffAssignment = new EntitySchema<StaffAssignmentEntity>({
  name: 'StaffAssignment',
  tableName: 'staff_assignment',
  columns: {
    staffId: { name: 'staff_id', type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36, primary: true },
  },
});
