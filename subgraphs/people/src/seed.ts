import type { Database } from '../../kit/src/database.js';
import type { Logger } from '../../kit/src/logger.js';
import { seedEmptyDatabase, type DemoDataOptions } from '../../kit/src/seeding.js';
import { generateWorld, type DemoWorld } from '../../kit/src/demo/world.js';
import { generatePeopleExtras } from './demo/extras.js';
import { Household } from './entities/household.js';
import { Person, type PersonEntity } from './entities/person.js';
import { PersonTag, type PersonTagEntity } from './entities/person-tag.js';
import { ResidenceMove } from './entities/residence-move.js';

/**
 * The people subgraph's part of the demo world, with the rows only it keeps. A caller
 * that holds the world already (tests) passes it, so it is not generated twice.
 */
export function demoPeopleRows(options: DemoDataOptions, world: DemoWorld = generateWorld(options)) {
  const extras = generatePeopleExtras(world, options.seed);
  // Columns spelled out: a literal that spreads a row and adds fields is built one property
  // at a time into a slow, large object, which at a million residents exhausted the heap.
  const people = world.people.map((person): PersonEntity => {
    const residency = extras.residency.get(person.id);
    return {
      id: person.id,
      name: person.name,
      documentType: 'RESIDENT_ID_CARD',
      idNumber: person.idNumber,
      gender: person.gender,
      birthDate: person.birthDate,
      phone: person.phone,
      residencyType: person.residencyType,
      residencySince: residency?.residencySince ?? null,
      residencyUntil: residency?.residencyUntil ?? null,
      gridId: person.gridId,
      areaCode: person.areaCode,
      buildingId: person.buildingId,
      room: person.room,
      householdId: person.householdId,
      householdRelation: person.householdRelation,
      status: person.status,
      statusSince: person.registeredAt.toISOString().slice(0, 10),
      statusReason: null,
      registeredAt: person.registeredAt,
    };
  });
  const tags: PersonTagEntity[] = world.tags.map((tag) => ({
    id: tag.id,
    personId: tag.personId,
    code: tag.code,
    areaCode: tag.areaCode,
    since: tag.since,
    until: tag.until,
    occupation: extras.occupations.get(tag.id) ?? null,
  }));
  tags.push(...extras.endedTags);
  const households = world.households.map((household) => ({ ...household }));
  return { households, people, tags, moves: extras.moves };
}

export async function seedIfEmpty(db: Database, options: DemoDataOptions, logger: Logger): Promise<void> {
  await seedEmptyDatabase(db, Person, logger, async (insert) => {
    const rows = demoPeopleRows(options);
    await insert(Household, rows.households);
    await insert(Person, rows.people);
    await insert(PersonTag, rows.tags);
    await insert(ResidenceMove, rows.moves);
  });
}
