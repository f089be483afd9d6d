import { generateWorld } from '../../scripts/demo/world.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { peopleSubgraph } from '../../subgraphs/people/src/module.js';
import { startTestSubgraph, TEST_RESIDENTS, TEST_SEED, type TestSubgraph } from '../support/subgraph.js';

/** The demo world both test databases are seeded with, to compute exact expectations. */
export const world = generateWorld({ seed: TEST_SEED, residents: TEST_RESIDENTS });

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
  return { grids, people, stop: async () => { await people.stop(); await grids.stop(); } };
}

export function residentsUnder(prefix: string) {
  return world.people.filter((person) => person.areaCode.startsWith(prefix));
}

export function sortedIds(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id).sort();
}
