import { generateWorld, type DemoWorld, type WorldOptions } from '../../subgraphs/kit/src/demo/world.js';
import { TEST_RESIDENTS, TEST_SEED } from './subgraph.js';

const built = new Map<string, DemoWorld>();

/**
 * The demo world a test reads its expectations from, built on first use and kept for the
 * rest of the worker's life: test files call it inside `beforeAll` or a test, never at
 * module load, so a file that needs no world (or is filtered out) pays nothing for it.
 * The world is deterministic for its options, so sharing it changes no expectation;
 * tests must not mutate it.
 */
export function demoWorld(options: WorldOptions = { seed: TEST_SEED, residents: TEST_RESIDENTS }): DemoWorld {
  const key = `${options.seed}:${options.residents}:${options.communityResidents ?? ''}`;
  let world = built.get(key);
  if (!world) {
    world = generateWorld(options);
    built.set(key, world);
  }
  return world;
}
