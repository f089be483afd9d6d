/**
 * Demo grid boundaries (GCJ-02). Each street's communities sit on a lattice around the
 * street's real location; a community's general grids are strips of it and each general
 * grid's micro-grids are slices of the strip, so grids of one level tile their parent
 * without overlapping. A dedicated grid (a school, a clinic) is a small square inside its
 * community's first general grid.
 */
import type { DemoArea } from './areas.js';
import { groupBy } from './group-by.js';
import type { DemoBoundary, DemoGrid } from './world.js';

const STREET_CENTRES: Record<string, [number, number]> = {
  '510115001': [103.84, 30.68], // 柳城街道, 温江
  '510115002': [103.87, 30.7], // 公平街道, 温江
  '510116001': [103.92, 30.57], // 东升街道, 双流
  '510116004': [104.07, 30.55], // 中和街道, 双流 (高新区)
};
const COMMUNITY_WIDTH = 0.014;
const COMMUNITY_HEIGHT = 0.011;
/**
 * Generated demo streets (city-growth.ts) sit on a lattice of their own south of the real
 * ones, ten to a row, each cell wide enough for a street of 25 communities (5 × 5).
 */
const DEMO_STREETS_ORIGIN: [number, number] = [103.6, 30.48];
const DEMO_STREETS_PER_ROW = 10;
const DEMO_STREET_STEP: [number, number] = [6 * COMMUNITY_WIDTH, 6 * COMMUNITY_HEIGHT];

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function rectangle(west: number, south: number, east: number, north: number): DemoBoundary['polygon'] {
  const [w, s, e, n] = [west, south, east, north].map(round6) as [number, number, number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

export function layOutBoundaries(grids: DemoGrid[], communities: DemoArea[]): DemoBoundary[] {
  const boundaries: DemoBoundary[] = [];
  const add = (grid: DemoGrid, polygon: DemoBoundary['polygon']) =>
    boundaries.push({ gridId: grid.id, crs: 'GCJ02', polygon });
  const byStreet = groupBy(communities, (community) => community.code.slice(0, 9));
  const gridsOf = groupBy(grids, (grid) => grid.communityCode);
  let demoStreets = 0;
  const centreOf = (street: string): [number, number] => {
    const known = STREET_CENTRES[street];
    if (known) return known;
    const index = demoStreets++;
    return [
      DEMO_STREETS_ORIGIN[0] + (index % DEMO_STREETS_PER_ROW) * DEMO_STREET_STEP[0],
      DEMO_STREETS_ORIGIN[1] - Math.floor(index / DEMO_STREETS_PER_ROW) * DEMO_STREET_STEP[1],
    ];
  };
  for (const [street, members] of byStreet) {
    const [centreLng, centreLat] = centreOf(street);
    const columns = Math.ceil(Math.sqrt(members.length));
    const rows = Math.ceil(members.length / columns);
    members.forEach((community, index) => {
      const west = centreLng - (columns * COMMUNITY_WIDTH) / 2 + (index % columns) * COMMUNITY_WIDTH;
      const south = centreLat - (rows * COMMUNITY_HEIGHT) / 2 + Math.floor(index / columns) * COMMUNITY_HEIGHT;
      const inCommunity = gridsOf.get(community.code) ?? [];
      const total = inCommunity.find((grid) => grid.type === 'COMMUNITY_TOTAL');
      if (total) add(total, rectangle(west, south, west + COMMUNITY_WIDTH, south + COMMUNITY_HEIGHT));
      const generals = inCommunity.filter((grid) => grid.type === 'GENERAL');
      const stripWidth = COMMUNITY_WIDTH / Math.max(1, generals.length);
      generals.forEach((general, g) => {
        const stripWest = west + g * stripWidth;
        add(general, rectangle(stripWest, south, stripWest + stripWidth, south + COMMUNITY_HEIGHT));
        const micros = inCommunity.filter((grid) => grid.parentId === general.id);
        const sliceHeight = COMMUNITY_HEIGHT / Math.max(1, micros.length);
        micros.forEach((micro, m) => {
          add(
            micro,
            rectangle(stripWest, south + m * sliceHeight, stripWest + stripWidth, south + (m + 1) * sliceHeight),
          );
        });
      });
      for (const dedicated of inCommunity.filter((grid) => grid.type === 'DEDICATED')) {
        const side = Math.min(stripWidth, COMMUNITY_HEIGHT) / 4;
        const lng = west + stripWidth / 2 - side / 2;
        const lat = south + COMMUNITY_HEIGHT / 2 - side / 2;
        add(dedicated, rectangle(lng, lat, lng + side, lat + side));
      }
    });
  }
  return boundaries;
}
