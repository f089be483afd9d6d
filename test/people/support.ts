import { afterAll, beforeAll } from 'vitest';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { demoPeopleRows } from '../../subgraphs/people/src/seed.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { startTestSubgraph, TEST_RESIDENTS, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';

/**
 * The demo world both test databases are seeded with, to compute exact expectations:
 * built on first use (inside `beforeAll` or a test), never at module load.
 */
export const world = (): DemoWorld => demoWorld();

let demoRows: ReturnType<typeof demoPeopleRows> | undefined;
/** The rows the people database is seeded with: the world's people and the people-only extras. */
export function demo(): ReturnType<typeof demoPeopleRows> {
  demoRows ??= demoPeopleRows({ seed: TEST_SEED, residents: TEST_RESIDENTS }, world());
  return demoRows;
}

/** Every community of the demo world. */
export const ALL_AREAS = ['510115', '510116'];
export const SANYIQIAO = '510116001001';
export const ZIDONGGE = '510116001002';

export interface PeopleServices {
  grids: TestSubgraph;
  people: TestSubgraph;
  stop: () => Promise<void>;
}

/**
 * The people subgraph over a fresh database, with the grids subgraph standing in for the
 * gateway: it answers `grid(id)` as the graph would, with the caller's token.
 */
export async function startPeople(): Promise<PeopleServices> {
  const grids = await startTestSubgraph(gridsSubgraph);
  const people = await startTestSubgraph(peopleSubgraph, { graphUrl: grids.url });
  return {
    grids,
    people,
    stop: async () => {
      await people.stop();
      await grids.stop();
    },
  };
}

/**
 * The people subgraph (with grids behind it) for the tests of one file: started before
 * them, stopped after them. Read `services` and `url` inside tests.
 */
export function usePeople(): { readonly services: PeopleServices; readonly url: string } {
  let services: PeopleServices | undefined;
  beforeAll(async () => {
    services = await startPeople();
  });
  afterAll(() => services?.stop());
  const started = () => {
    if (!services) throw new Error('the people subgraph is not started yet');
    return services;
  };
  return {
    get services() {
      return started();
    },
    get url() {
      return started().people.url;
    },
  };
}

export function residentsUnder(prefix: string) {
  return world().people.filter((person) => person.areaCode.startsWith(prefix));
}

export function sortedIds(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id).sort();
}

/** How many SQL statements a database ran while `work` ran. */
export async function statementsDuring(subgraph: TestSubgraph, work: () => Promise<void>): Promise<number> {
  const before = subgraph.db.statements.count;
  await work();
  return subgraph.db.statements.count - before;
}

/** Current tags of the demo data (ended ones are history). */
export function currentTagCodes(personId: string): string[] {
  return demo()
    .tags.filter((tag) => tag.personId === personId && tag.until === null)
    .map((tag) => tag.code);
}

/** Valid ID numbers no one in the demo world holds; odd sequences are men, even women. */
export function idNumberSource(addressCode = '510116') {
  let known: Set<string> | undefined;
  const used = new Set<string>();
  return (birthDate = '1990-05-17', gender: 'MALE' | 'FEMALE' = 'MALE'): string => {
    known ??= new Set(world().people.map((person) => person.idNumber));
    for (let sequence = gender === 'MALE' ? 1 : 0; sequence < 1000; sequence += 2) {
      const idNumber = makeIdNumber(addressCode, birthDate, sequence);
      if (!known.has(idNumber) && !used.has(idNumber)) {
        used.add(idNumber);
        return idNumber;
      }
    }
    throw new Error(`no ID number left for ${birthDate}`);
  };
}

/** A grid of the demo world by type and community. */
export function gridOf(type: string, communityCode: string) {
  const grid = world().grids.find((candidate) => candidate.type === type && candidate.communityCode === communityCode);
  if (!grid) throw new Error(`the demo world has no ${type} grid in ${communityCode}`);
  return grid;
}
