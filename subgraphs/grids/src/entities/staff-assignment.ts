import { EntitySchema } from 'typeorm';

/** One staff member's service in one grid, from a start to an end (null while open). */
export interface StaffAssignmentEntity {
  id: string;
  staffId: string;
  gridId: string;
  /** For a building steward: the building looked after; null means the whole grid. */
  buildingId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /**
   * The grid's id while this is an open MICRO_GRID_LEADER assignment, else null. A unique
   * index on it lets the database itself refuse a second active leader, even when two
   * requests race; both SQLite and MySQL allow any number of NULLs under it.
   */
  leaderOfGridId: string | null;
}

export const StaffAssignment = new EntitySchema<StaffAssignmentEntity>({
  name: 'StaffAssignment',
  tableName: 'grid_assignment',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    staffId: { name: 'staff_id', type: 'varchar', length: 36 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    buildingId: { name: 'building_id', type: 'varchar', length: 36, nullable: true },
    startedAt: { name: 'started_at', type: 'datetime' },
    endedAt: { name: 'ended_at', type: 'datetime', nullable: true },
    leaderOfGridId: { name: 'leader_of_grid_id', type: 'varchar', length: 36, nullable: true },
  },
});
