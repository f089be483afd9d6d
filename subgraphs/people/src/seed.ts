import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase } from '../../kit/src/seeding.js';
import { generateWorld } from '../../../scripts/demo/world.js';
import { Household } from './entities/household.js';
import { Person } from './entities/person.js';
import { PersonTag } from './entities/person-tag.js';

export async function seedIfEmpty(db: Database, options: { seed: number; residents: number }, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, Person, logger, async (insert) => {
    const world = generateWorld(options);
    await insert(Household, world.households);
    await insert(Person, world.people);
    await insert(PersonTag, world.tags);
  });
}
