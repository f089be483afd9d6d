import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { TIER_EXCLUDES, TIERS } from '../../vitest.config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
type Tier = keyof typeof TIERS;
const tierNames = Object.keys(TIERS) as Tier[];

// The same globbing vitest does for `include` and `exclude`.
const filesOf = (patterns: readonly string[], ignore: readonly string[] = []) =>
  globSync([...patterns], { cwd: ROOT, ignore: [...ignore] }).sort();
const membership = new Map(tierNames.map((tier) => [tier, new Set(filesOf(TIERS[tier], TIER_EXCLUDES[tier]))]));
const testFiles = filesOf(['test/**/*.test.ts']);
const tiersOf = (file: string) => tierNames.filter((tier) => membership.get(tier)?.has(file));

describe('the test tiers of vitest.config.ts', () => {
  it('put every test file in exactly one tier', () => {
    const misplaced = testFiles.map((file) => [file, tiersOf(file)] as const).filter(([, tiers]) => tiers.length !== 1);
    expect(
      misplaced.map(([file, tiers]) => `${file}: ${tiers.length === 0 ? 'in no tier' : `in ${tiers.join(' and ')}`}`),
    ).toEqual([]);
    expect(testFiles.length).toBeGreaterThan(50);
  });

  it('name no file that is gone: every entry of every tier matches a test file', () => {
    const stale = tierNames.flatMap((tier) =>
      TIERS[tier].filter((pattern) => filesOf([pattern]).length === 0).map((pattern) => `${tier}: ${pattern}`),
    );
    expect(stale).toEqual([]);
  });

  it('keep servers and databases out of the unit tier, and the whole platform in e2e (or scale, for size)', () => {
    const source = (file: string) => readFileSync(`${ROOT}/${file}`, 'utf8');
    // Calls, not imports: the grids domain tests import grids' support for its `square`.
    const startsSomething =
      /\b(startPlatform|startTestSubgraph|start(?:Grids|Events|Volunteers)|usePeople|openDatabase|freshDatabaseUrl)\s*\(/;
    expect([...(membership.get('unit') ?? [])].filter((file) => startsSomething.test(source(file)))).toEqual([]);
    const startsPlatform = testFiles.filter((file) => /\bstartPlatform\s*\(/.test(source(file)));
    expect(
      startsPlatform.filter((file) => !membership.get('e2e')?.has(file) && !membership.get('scale')?.has(file)),
    ).toEqual([]);
  });
});
