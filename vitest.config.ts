import { defineConfig } from 'vitest/config';

/**
 * The four test tiers. A file's tier is named here, by path, not guessed from its name:
 * test/support/tiers.test.ts fails when a test file is in no tier or in two, or when a
 * named file no longer exists.
 *
 * - unit: pure domain and kit modules; starts no subgraph, opens no database.
 * - subgraph: one subgraph (and at most the subgraphs it calls) over HTTP, each with its
 *   own fresh database. Everything under a subgraph's test folder that is not named in
 *   another tier.
 * - e2e: all five services over real HTTP (anything calling startPlatform).
 * - scale: street-scale worlds, 100,000 events, the city grown to size, the import and
 *   export CLIs: minutes, not seconds.
 */
export const TIERS = {
  unit: [
    'test/*/domain*.test.ts',
    'test/architecture/**/*.test.ts',
    'test/gateway/**/*.test.ts',
    'test/support/**/*.test.ts',
    'test/events/deliberation-rules.test.ts',
    'test/events/status-flow.test.ts',
    'test/events/working-time.test.ts',
    'test/kit/area-code.test.ts',
    'test/kit/auth.test.ts',
    'test/kit/config.test.ts',
    'test/people/header-mapping.test.ts',
    'test/people/records.test.ts',
    'test/people/rules.test.ts',
  ],
  e2e: [
    'test/e2e/**/*.test.ts',
    'test/*/platform.test.ts',
    'test/events/deliberation-platform.test.ts',
    'test/volunteers/care-drives.test.ts',
    'test/security/doors.test.ts',
    'test/security/holes.test.ts',
    'test/security/csv-injection.test.ts',
    'test/security/city-scope.test.ts',
    'test/security/tokens.test.ts',
    'test/reliability/partial-data.test.ts',
  ],
  scale: [
    'test/demo/**/*.test.ts',
    'test/events/scale.test.ts',
    'test/grids/street-scale.test.ts',
    'test/people/export-script.test.ts',
    'test/people/import-script.test.ts',
    'test/reliability/draining.test.ts',
    'test/reliability/self-healing.test.ts',
    'test/reliability/stalled-subgraph.test.ts',
    'test/reliability/backup-restore.test.ts',
    'test/reliability/crashed-import.test.ts',
  ],
  subgraph: [
    'test/{people,grids,volunteers,events}/**/*.test.ts',
    'test/kit/bulk-insert.test.ts',
    'test/kit/pagination.test.ts',
    'test/security/analyst-and-purposes.test.ts',
  ],
} as const;

/** What each tier leaves to the others: subgraph's folder globs would also take their files. */
export const TIER_EXCLUDES: Record<keyof typeof TIERS, readonly string[]> = {
  unit: [],
  e2e: [],
  scale: [],
  subgraph: [...TIERS.unit, ...TIERS.e2e, ...TIERS.scale],
};

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file opens its own databases; two workers suit the 2-core machines. The limit
    // holds across the tiers when `npm test` runs them together.
    maxWorkers: 2,
    fileParallelism: true,
    // Each project extends this root: the timeouts and worker limit above apply to all.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [...TIERS.unit],
          // Pure modules: most of a file's time was importing them again in a fresh fork.
          // Threads that share one module cache import each module once per worker; the
          // unit files hold no state between them (no database, no server, no mocks).
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'subgraph',
          include: [...TIERS.subgraph],
          exclude: [...TIER_EXCLUDES.subgraph],
          // Forks, each reusing its module cache from file to file: importing TypeORM, Apollo
          // and a subgraph again for every file was most of this tier's time (212 s against
          // 51 s measured). Safe because every file starts its own servers over fresh
          // databases and closes them; what lives on between files is read-only (the demo
          // world of test/support/world.ts, the support files' worlds) or per process by
          // design (the kit's seeding queue, which only orders seeds; id counters).
          isolate: false,
        },
      },
      // The same holds for the whole platform: each file starts and stops its own.
      { extends: true, test: { name: 'e2e', include: [...TIERS.e2e], isolate: false } },
      // Isolated: these files hold street-size worlds and 100,000 rows at module level, which
      // a shared worker would keep alive into the next file; there are few files to gain on.
      { extends: true, test: { name: 'scale', include: [...TIERS.scale] } },
    ],
  },
});
