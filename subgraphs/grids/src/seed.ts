import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase } from '../../kit/src/seeding.js';
import { generateWorld } from '../../../scripts/demo/world.js';
import { Area } from './entities/area.js';
import { Grid } from './entities/grid.js';
import { GridStaff, StaffAssignment } from './entities/grid-staff.js';

export async function seedIfEmpty(db: Database, options: { seed: number; residents: number }, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, Area, logger, async (insert) => {
    const world = generateWorld(options);
    await insert(Area, world.areas);
    await insert(Grid, world.grids);
    await insert(GridStaff, world.staff);
    await insert(StaffAssignment, world.assignments);
  });
}
