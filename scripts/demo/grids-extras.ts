/**
 * Demo rows only the grids subgraph holds, derived from the shared world with a Faker of
 * their own, so the world (and every other subgraph's rows) stays exactly as it is:
 * work phones for the staff, a 微网格员 in micro-grids with enough adult residents, and
 * for each 楼栋管家 the building they live in and look after.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import type { DemoWorld } from './world.js';

type DemoStaff = DemoWorld['staff'][number];

export interface GridsExtras {
  /** Work phone of every staff member, world and extra, by staff id. */
  workPhones: Map<string, string>;
  /** 微网格员 in addition to the world's staff. */
  staff: DemoStaff[];
  assignments: { staffId: string; gridId: string }[];
  /** The building each steward looks after, by staff id. */
  stewardBuildings: Map<string, string>;
}

/** The instant the world's staff were appointed (world.ts anchors at 2026-11-01 less 300 days). */
const APPOINTED = new Date(Date.UTC(2026, 10, 1) - 300 * 86_400_000);

export function generateGridsExtras(world: DemoWorld, seed: number): GridsExtras {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 3 });
  const extras: GridsExtras = { workPhones: new Map(), staff: [], assignments: [], stewardBuildings: new Map() };
  const peopleById = new Map(world.people.map((person) => [person.id, person]));
  const alreadyStaff = new Set(world.staff.map((staff) => staff.personId));
  const residentsOf = new Map<string, DemoWorld['people']>();
  for (const person of world.people) residentsOf.set(person.gridId, [...(residentsOf.get(person.gridId) ?? []), person]);

  for (const micro of world.grids.filter((grid) => grid.type === 'MICRO')) {
    const candidates = (residentsOf.get(micro.id) ?? []).filter((person) => person.phone !== null && !alreadyStaff.has(person.id));
    if (candidates.length < 2) continue;
    const person = faker.helpers.arrayElement(candidates);
    const staff: DemoStaff = { id: faker.string.uuid(), personId: person.id, role: 'MICRO_GRID_WORKER', areaCode: micro.code, active: true, createdAt: APPOINTED };
    extras.staff.push(staff);
    extras.assignments.push({ staffId: staff.id, gridId: micro.id });
  }
  for (const staff of [...world.staff, ...extras.staff]) {
    extras.workPhones.set(staff.id, `1${faker.helpers.arrayElement(['38', '39', '58', '59', '86', '87', '35', '77'])}${faker.string.numeric(8)}`);
    const home = peopleById.get(staff.personId)?.buildingId;
    if (staff.role === 'BUILDING_STEWARD' && home) extras.stewardBuildings.set(staff.id, home);
  }
  return extras;
}
