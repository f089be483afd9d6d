import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase } from '../../kit/src/seeding.js';
import { generatePeopleExtras } from '../../../scripts/demo/people-extras.js';
import { generateWorld } from '../../../scripts/demo/world.js';
import { Household } from './entities/household.js';
import { Person, type PersonEntity } from './entities/person.js';
import { PersonTag, type PersonTagEntity } from './entities/person-tag.js';
import { ResidenceMove } from './entities/residence-move.js';

/** The people subgraph's part of the demo world, with the rows only it keeps. */
export function demoPeopleRows(options: { seed: number; residents: number }) {
  const world = generateWorld(options);
  const extras = generatePeopleExtras(world, options.seed);
  const people: PersonEntity[] = world.people.map((person) => ({
    ...person,
    documentType: 'RESIDENT_ID_CARD',
    residencySince: extras.residency.get(person.id)?.residencySince ?? null,
    residencyUntil: extras.residency.get(person.id)?.residencyUntil ?? null,
    statusSince: person.registeredAt.toISOString().slice(0, 10),
    statusReason: null,
  }));
  const tags: PersonTagEntity[] = [
    ...world.tags.map((tag) => ({ ...tag, occupation: extras.occupations.get(tag.id) ?? null })),
    ...extras.endedTags,
  ];
  const households = world.households.map((household) => ({ ...household }));
  return { households, people, tags, moves: extras.moves };
}

export async function seedIfEmpty(db: Database, options: { seed: number; residents: number }, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, Person, logger, async (insert) => {
    const rows = demoPeopleRows(options);
    await insert(Household, rows.households);
    await insert(Person, rows.people);
    await insert(PersonTag, rows.tags);
    await insert(ResidenceMove, rows.moves);
  });
}
