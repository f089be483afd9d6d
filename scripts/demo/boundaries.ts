/**
 * Demo grid boundaries (GCJ-02). Each street's communities sit on a lattice around the
 * street's real location; a community's general grids are strips of it and each general
 * grid's micro-grids are slices of the strip, so grids of one level tile their parent
 * without overlapping. A dedicated grid (a school, a clinic) is a small square inside its
 * community's first general grid.
 */
import type { DemoArea } from './areas.js';
import type { DemoBoundary, DemoGrid } from './world.js';

const STREET_CENTRES: Record<string, [number, number]> = {
  '510115001': [103.84, 30.68], // 柳城街道, 温江
  '510115002': [103.87, 30.7], // 公平街道, 温江
  '510116001': [103.92, 30.57], // 东升街道, 双流
  '510116004': [104.07, 30.55], // 中和街道, 双流 (高新区)
};
const COMMUNITY_WIDTH = 0.014;
const COMMUNITY_HEIGHT = 0.011;

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function rectangle(west: number, south: number, east: number, north: number): DemoBoundary['polygon'] {
  const [w, s, e, n] = [west, south, east, north].map(round6) as [number, number, number, number];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

export function layOutBoundaries(grids: DemoGrid[], communities: DemoArea[]): DemoBoundary[] {
  const boundaries: DemoBoundary[] = [];
  const add = (grid: DemoGrid, polygon: DemoBoundary['polygon']) => boundaries.push({ gridId: grid.id, crs: 'GCJ02', polygon });
  const byStreet = new Map<string, DemoArea[]>();
  for (const community of communities) {
    const street = community.code.slice(0, 9);
    byStreet.set(street, [...(byStreet.get(street) ?? []), community]);
  }
  for (const [street, members] of byStreet) {
    const [centreLng, centreLat] = STREET_CENTRES[street] ?? [103.95, 30.6];
    const columns = Math.ceil(Math.sqrt(members.length));
    const rows = Math.ceil(members.length / columns);
    members.forEach((community, index) => {
      const west = centreLng - (columns * COMMUNITY_WIDTH) / 2 + (index % columns) * COMMUNITY_WIDTH;
      const south = centreLat - (rows * COMMUNITY_HEIGHT) / 2 + Math.floor(index / columns) * COMMUNITY_HEIGHT;
      const inCommunity = grids.filter((grid) => grid.communityCode === community.code);
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
          add(micro, rectangle(stripWest, south + m * sliceHeight, stripWest + stripWidth, south + (m + 1) * sliceHeight));
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
