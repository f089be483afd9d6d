import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoAreas } from '../../subgraphs/kit/src/demo/areas.js';
import { growCity } from '../../subgraphs/kit/src/demo/city-growth.js';
import { generateCommunityLife } from '../../subgraphs/grids/src/demo/extras.js';
import { generateWorld, type DemoWorld, type WorldOptions } from '../../subgraphs/kit/src/demo/world.js';

/** The benchmark's density: 156,000 residents in the 37 real communities. */
const STREET_DENSITY = Math.round(156_000 / 37);
const REAL_STREETS = ['510115001', '510115002', '510116001', '510116004'];

/** A hash of every row of a world, row by row so a large world never becomes one string. */
function fingerprint(world: DemoWorld): string {
  const hash = createHash('sha256');
  for (const [key, rows] of Object.entries(world)) {
    hash.update(key);
    for (const row of rows as unknown[]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function residentsPerCommunity(world: DemoWorld): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of world.people)
    counts.set(person.areaCode.slice(0, 12), (counts.get(person.areaCode.slice(0, 12)) ?? 0) + 1);
  return counts;
}

function microGridsPerCommunity(world: DemoWorld): number[] {
  const counts = new Map<string, number>();
  for (const grid of world.grids)
    if (grid.type === 'MICRO') counts.set(grid.communityCode, (counts.get(grid.communityCode) ?? 0) + 1);
  return [...counts.values()];
}

describe('the demo world without communityResidents', () => {
  // Hashes of the worlds generated before the option existed (commit fbac69e).
  it.each([
    [7, 400, '66c8092fd2667e9287e627b359f1e609fdc43a133776496f028cc95d41d31495'],
    [20261129, 2000, '0c6a5a918ff6376c1ee5b28d2207eaeedd530048f23fdc64f9cd67fc4a76d21b'],
  ])('is, for seed %i and %i residents, exactly the world it was before', (seed, residents, hash) => {
    expect(fingerprint(generateWorld({ seed, residents }))).toBe(hash);
  });

  it('puts every resident in one of the 37 real communities', () => {
    const world = generateWorld({ seed: 7, residents: 400 });
    expect(world.areas).toEqual(demoAreas());
    expect(new Set(world.grids.map((grid) => grid.communityCode)).size).toBe(37);
  });
});

describe('the demo world with communityResidents', () => {
  it('at street scale and street density is exactly the street-scale world of before', () => {
    const world = generateWorld({ seed: 20261129, residents: 156_000, communityResidents: STREET_DENSITY });
    expect(fingerprint(world)).toBe('f54b435474d15e5370cc6dfbc10251299667e9546d58d4adc25a374137a5a404');
  });

  it.each([
    [10_000, 2],
    [60_000, 14],
  ])('keeps communities near street density at %i residents, in %i communities', (residents, communities) => {
    const world = generateWorld({ seed: 20261129, residents, communityResidents: STREET_DENSITY });
    const sizes = [...residentsPerCommunity(world).values()];
    expect(sizes.length).toBe(communities);
    expect(Math.min(...sizes)).toBeGreaterThan(0.75 * STREET_DENSITY);
    expect(Math.max(...sizes)).toBeLessThan(1.25 * STREET_DENSITY);
    // A populated community looks the same at every size: about 80 micro-grids of about 50 residents.
    for (const micros of microGridsPerCommunity(world)) expect(micros).toBeGreaterThanOrEqual(70);
    for (const micros of microGridsPerCommunity(world)) expect(micros).toBeLessThanOrEqual(110);
  });

  it('populates 三义桥 first, then 紫东阁 and 双桂, the bench community at every size', () => {
    const world = generateWorld({ seed: 7, residents: 400, communityResidents: 400 });
    expect([...residentsPerCommunity(world).keys()]).toEqual(['510116001001']);
    // Community life only where people live: 三义桥's brand and demonstration point, not 紫东阁's or 双桂's.
    const life = generateCommunityLife(world, 7);
    expect(life.brands.map((brand) => brand.name)).toEqual(['578解忧小格', '三义桥社区党建引领“微网实格”示范点']);
    expect(new Set(life.branches.map((branch) => branch.communityCode))).toEqual(new Set(['510116001001']));
    expect(world.areas.find((area) => area.code === '510116001001')?.name).toBe('三义桥社区');
    expect(growCity(3, 7).populated.map((area) => area.name)).toEqual(['三义桥社区', '紫东阁社区', '双桂社区']);
  });

  it('fills 东升街道 before the other real streets, and those before any generated street', () => {
    const street = (count: number) => growCity(count, 7).populated.map((area) => area.parentCode);
    expect(new Set(street(23))).toEqual(new Set(['510116001']));
    expect(street(30).filter((code) => code !== '510116001')).toEqual([...Array(6).fill('510115001'), '510115002']);
    const past = growCity(38, 7).populated;
    expect(past.filter((area) => REAL_STREETS.includes(area.parentCode ?? '')).length).toBe(37);
    expect(past.filter((area) => !REAL_STREETS.includes(area.parentCode ?? '')).map((area) => area.isDemoCode)).toEqual(
      [true],
    );
  });

  it('generates only the rows of populated communities, and keeps the real unpopulated ones as empty areas', () => {
    const world = generateWorld({ seed: 7, residents: 5000, communityResidents: 500 });
    const populated = new Set(residentsPerCommunity(world).keys());
    expect(populated.size).toBe(10);
    const inPopulated = (code: string) => populated.has(code.slice(0, 12));
    expect(world.grids.every((grid) => populated.has(grid.communityCode))).toBe(true);
    expect(world.buildings.every((building) => inPopulated(building.areaCode))).toBe(true);
    expect(world.staff.every((staff) => inPopulated(staff.areaCode))).toBe(true);
    expect(world.events.every((event) => inPopulated(event.areaCode))).toBe(true);
    expect(world.activities.every((activity) => inPopulated(activity.areaCode))).toBe(true);
    expect(world.volunteers.every((volunteer) => inPopulated(volunteer.areaCode))).toBe(true);
    // The street-wide teams of 东升街道, and one for each populated community.
    expect(world.teams.map((team) => team.areaCode).sort()).toEqual(['510116001', '510116001', ...populated].sort());
    expect(world.areas.filter((area) => area.level === 'COMMUNITY').length).toBe(37);
    expect(world.boundaries.length).toBe(world.grids.length);
  });

  it('grows past the real communities with demo streets of demo communities, coded in the valid ranges', () => {
    const { areas, populated } = growCity(4000, 20261129);
    const real = new Set(demoAreas().map((area) => area.code));
    const generated = areas.filter((area) => !real.has(area.code));
    const streets = generated.filter((area) => area.level === 'STREET');
    const communities = generated.filter((area) => area.level === 'COMMUNITY');
    expect(populated.length).toBe(4000);
    expect(communities.length).toBe(4000 - 37);
    expect(new Set(areas.map((area) => area.code)).size).toBe(areas.length);
    expect(generated.every((area) => area.isDemoCode)).toBe(true);
    for (const street of streets) {
      expect(street.code).toMatch(/^51011[56]\d{3}$/);
      expect(Number(street.code.slice(6))).toBeGreaterThanOrEqual(1);
      expect(Number(street.code.slice(6))).toBeLessThanOrEqual(99);
      expect(street.parentCode).toBe(street.code.slice(0, 6));
      expect(street.name).toMatch(/^\p{Script=Han}{2,3}街道$/u);
    }
    for (const community of communities) {
      expect(community.code).toMatch(/^51011[56]\d{6}$/);
      expect(Number(community.code.slice(9))).toBeGreaterThanOrEqual(1);
      expect(Number(community.code.slice(9))).toBeLessThanOrEqual(199);
      expect(community.parentCode).toBe(community.code.slice(0, 9));
      expect(streets.some((street) => street.code === community.parentCode)).toBe(true);
      expect(community.name).toMatch(/^\p{Script=Han}{2,4}社区$/u);
    }
    const names = areas.filter((area) => area.level !== 'CITY' && area.level !== 'DISTRICT').map((area) => area.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('says so when the two districts have no street codes left (about 20 million residents)', () => {
    expect(() => growCity(5000, 7)).toThrow('the demo city has room for 4850 generated communities, not 4963');
  });

  it('draws the same names from the same seed, and other names from another', () => {
    const names = (seed: number) =>
      growCity(60, seed)
        .populated.slice(37)
        .map((area) => area.name);
    expect(names(1)).toEqual(names(1));
    expect(names(1)).not.toEqual(names(2));
  });

  it('lays generated streets out apart from each other and from the real streets', () => {
    const world = generateWorld({ seed: 7, residents: 13_000, communityResidents: 100 });
    const totals = world.grids.filter((grid) => grid.type === 'COMMUNITY_TOTAL');
    const box = new Map(
      world.boundaries.map((boundary) => {
        const ring = boundary.polygon.coordinates[0]!;
        return [boundary.gridId, [ring[0]![0], ring[0]![1], ring[2]![0], ring[2]![1]] as const];
      }),
    );
    const generated = totals.filter((grid) => !REAL_STREETS.includes(grid.communityCode.slice(0, 9)));
    expect(generated.length).toBe(130 - 37);
    for (const grid of generated) {
      const [w, s, e, n] = box.get(grid.id)!;
      for (const other of totals) {
        if (other === grid) continue;
        const [w2, s2, e2, n2] = box.get(other.id)!;
        const overlap = Math.min(e, e2) - Math.max(w, w2) > 1e-9 && Math.min(n, n2) - Math.max(s, s2) > 1e-9;
        expect(overlap, `${grid.code} overlaps ${other.code}`).toBe(false);
      }
    }
  });

  it('refuses a community size that is not positive', () => {
    const options: WorldOptions = { seed: 7, residents: 400, communityResidents: 0 };
    expect(() => generateWorld(options)).toThrow('communityResidents must be positive');
  });
});
