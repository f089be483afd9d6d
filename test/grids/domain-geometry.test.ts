import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { boundaryPlacementProblems } from '../../subgraphs/grids/src/domain/boundary-rules.js';
import { CELL_DEGREES, cellOf, cellsOfBox } from '../../subgraphs/grids/src/domain/cells.js';
import { convertGeometry, gcj02ToWgs84, wgs84ToGcj02 } from '../../subgraphs/grids/src/domain/crs.js';
import { parseBoundary, type GridGeometry } from '../../subgraphs/grids/src/domain/geometry.js';
import { gridFeatureCollection } from '../../subgraphs/grids/src/domain/grid-map.js';
import { finestContaining } from '../../subgraphs/grids/src/domain/locate.js';
import { liesWithin } from '../../subgraphs/grids/src/domain/spatial.js';
import { demoWorld } from '../support/world.js';
import { square } from './support.js';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('boundary validation', () => {
  it('accepts a closed polygon, a multipolygon and a feature holding one', () => {
    expect(parseBoundary(square(103.9, 30.5, 0.01)).problems).toEqual([]);
    expect(
      parseBoundary({
        type: 'MultiPolygon',
        coordinates: [square(103.9, 30.5, 0.01).coordinates, square(103.95, 30.5, 0.01).coordinates],
      }).problems,
    ).toEqual([]);
    const feature = parseBoundary({ type: 'Feature', properties: {}, geometry: square(103.9, 30.5, 0.01) });
    expect(feature.geometry).toEqual(square(103.9, 30.5, 0.01));
  });

  it('refuses anything that is not a polygon or multipolygon', () => {
    expect(codes(parseBoundary({ type: 'Point', coordinates: [103.9, 30.5] }).problems)).toEqual(['INVALID_GEOMETRY']);
    expect(codes(parseBoundary('POLYGON((0 0, 1 0, 1 1, 0 0))').problems)).toEqual(['INVALID_GEOMETRY']);
    expect(codes(parseBoundary({ type: 'Polygon', coordinates: [[['a', 'b']]] }).problems)).toEqual([
      'INVALID_GEOMETRY',
    ]);
  });

  it('refuses an open ring', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [103.9, 30.5],
          [103.91, 30.5],
          [103.91, 30.51],
          [103.9, 30.51],
        ],
      ],
    };
    expect(codes(parseBoundary(open).problems)).toEqual(['RING_NOT_CLOSED']);
  });

  it('refuses a ring of fewer than four positions', () => {
    expect(
      codes(
        parseBoundary({
          type: 'Polygon',
          coordinates: [
            [
              [103.9, 30.5],
              [103.91, 30.5],
              [103.9, 30.5],
            ],
          ],
        }).problems,
      ),
    ).toEqual(['RING_TOO_SHORT']);
  });

  it('refuses coordinates out of range, including latitude and longitude swapped', () => {
    expect(codes(parseBoundary(square(190, 30.5, 0.01)).problems)).toEqual(['COORDINATE_OUT_OF_RANGE']);
    expect(
      codes(
        parseBoundary({
          type: 'Polygon',
          coordinates: [
            [
              [30.5, 103.9],
              [30.51, 103.9],
              [30.51, 103.91],
              [30.5, 103.91],
              [30.5, 103.9],
            ],
          ],
        }).problems,
      ),
    ).toEqual(['COORDINATE_OUT_OF_RANGE']);
  });

  it('refuses a self-intersecting bow tie', () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [103.9, 30.5],
          [103.91, 30.51],
          [103.91, 30.5],
          [103.9, 30.51],
          [103.9, 30.5],
        ],
      ],
    };
    expect(codes(parseBoundary(bowTie).problems)).toEqual(['SELF_INTERSECTING']);
  });

  it('refuses a boundary wider than half a degree', () => {
    expect(codes(parseBoundary(square(103, 30, 0.8)).problems)).toEqual(['BOUNDARY_TOO_LARGE']);
  });

  it('drops altitudes', () => {
    const parsed = parseBoundary({
      type: 'Polygon',
      coordinates: [square(103.9, 30.5, 0.01).coordinates[0]!.map(([lng, lat]) => [lng, lat, 500])],
    });
    expect(parsed.geometry).toEqual(square(103.9, 30.5, 0.01));
  });
});

describe('containment', () => {
  const outer = { geometry: square(103.9, 30.5, 0.02), crs: 'GCJ02' as const };

  it('counts a child sharing its parent edges as inside', () => {
    expect(liesWithin({ geometry: square(103.9, 30.5, 0.01), crs: 'GCJ02' }, outer)).toBe(true);
  });

  it('refuses a micro-grid reaching outside its parent', () => {
    const problems = boundaryPlacementProblems(
      { geometry: square(103.915, 30.5, 0.01), crs: 'GCJ02' },
      { code: '510116001001001', drawn: outer },
      [],
    );
    expect(codes(problems)).toEqual(['OUTSIDE_PARENT']);
  });

  it('refuses a boundary that would leave a child outside', () => {
    const child = {
      code: '510116001001001001',
      drawn: { geometry: square(103.95, 30.5, 0.01), crs: 'GCJ02' as const },
    };
    expect(codes(boundaryPlacementProblems(outer, null, [child]))).toEqual(['CHILD_OUTSIDE_BOUNDARY']);
  });

  it('compares boundaries drawn in different systems in GCJ-02', () => {
    const gcj = square(103.9, 30.5, 0.02);
    const wgs = convertGeometry(gcj, 'GCJ02', 'WGS84');
    expect(liesWithin({ geometry: square(103.905, 30.505, 0.01), crs: 'GCJ02' }, { geometry: wgs, crs: 'WGS84' })).toBe(
      true,
    );
    // The same numbers read as WGS-84 lie a few hundred metres away.
    expect(liesWithin({ geometry: gcj, crs: 'GCJ02' }, { geometry: gcj, crs: 'WGS84' })).toBe(false);
  });

  it('finds every demo micro-grid inside its general grid, and every general and dedicated grid inside its community total grid', () => {
    const world = demoWorld();
    const drawn = new Map(world.boundaries.map((b) => [b.gridId, { geometry: b.polygon as GridGeometry, crs: b.crs }]));
    const total = new Map(world.grids.filter((g) => g.type === 'COMMUNITY_TOTAL').map((g) => [g.communityCode, g.id]));
    for (const grid of world.grids.filter((g) => g.type !== 'COMMUNITY_TOTAL')) {
      const container = grid.type === 'MICRO' ? grid.parentId : total.get(grid.communityCode);
      expect(liesWithin(drawn.get(grid.id)!, drawn.get(container!)!), grid.code).toBe(true);
    }
  });
});

describe('coordinate systems', () => {
  it('shifts WGS-84 to GCJ-02 as the reference implementation does', () => {
    const [lng, lat] = wgs84ToGcj02([116.404, 39.915]);
    expect(lng).toBeCloseTo(116.41024449916938, 10);
    expect(lat).toBeCloseTo(39.91640428150164, 10);
  });

  it('inverts the shift to within a millimetre', () => {
    const gcj: [number, number] = [103.92, 30.57];
    const back = wgs84ToGcj02(gcj02ToWgs84(gcj));
    expect(distance(back, gcj, { units: 'meters' })).toBeLessThan(0.001);
  });

  it('moves a Chengdu point by a few hundred metres and leaves a point outside China alone', () => {
    const shift = distance(wgs84ToGcj02([103.92, 30.57]), [103.92, 30.57], { units: 'meters' });
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

describe('spatial index cells', () => {
  it('puts a point inside a box into one of the box cells, also on cell lines', () => {
    const box: [number, number, number, number] = [103.92, 30.57, 103.934, 30.581];
    const cells = cellsOfBox(box).map((cell) => `${cell.cellX},${cell.cellY}`);
    for (const [lng, lat] of [
      [103.92, 30.57],
      [103.93, 30.58],
      [103.934, 30.581],
      [103.9271, 30.5755],
    ]) {
      const { cellX, cellY } = cellOf(lng!, lat!);
      expect(cells).toContain(`${cellX},${cellY}`);
    }
  });

  it('gives a community-sized box a handful of cells', () => {
    expect(cellsOfBox([103.92, 30.57, 103.92 + 0.014, 30.57 + 0.011]).length).toBeLessThanOrEqual(9);
    expect(CELL_DEGREES).toBe(0.01);
  });
});

describe('finest grid at a point', () => {
  const grid = (code: string, type: 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED', geometry: GridGeometry) => ({
    code,
    type,
    boundary: geometry,
    boundaryCrs: 'GCJ02' as const,
  });
  const total = grid('510116001001000', 'COMMUNITY_TOTAL', square(103.9, 30.5, 0.04));
  const general = grid('510116001001001', 'GENERAL', square(103.9, 30.5, 0.02));
  const micro = grid('510116001001001001', 'MICRO', square(103.9, 30.5, 0.01));
  const dedicated = grid('510116001001901', 'DEDICATED', square(103.902, 30.502, 0.002));

  it('prefers a micro-grid to its general grid and the general grid to the total grid', () => {
    expect(finestContaining([total, general, micro], [103.905, 30.505])?.code).toBe(micro.code);
    expect(finestContaining([total, general, micro], [103.915, 30.515])?.code).toBe(general.code);
    expect(finestContaining([total, general, micro], [103.935, 30.535])?.code).toBe(total.code);
  });

  it('prefers a dedicated grid to the micro-grid around it', () => {
    expect(finestContaining([micro, dedicated, general], [103.903, 30.503])?.code).toBe(dedicated.code);
  });

  it('returns null outside every candidate', () => {
    expect(finestContaining([total, micro], [104.5, 30.5])).toBeNull();
  });
});

describe('grid map', () => {
  it('serves every boundary in the system asked for and names where it came from', () => {
    const base = { parentId: null, communityCode: '510116001001', dedicatedTo: null, dedicatedKind: null };
    const map = gridFeatureCollection(
      [
        {
          ...base,
          id: 'a',
          code: '510116001001001',
          name: '一',
          type: 'GENERAL',
          boundary: square(103.9, 30.5, 0.01),
          boundaryCrs: 'WGS84',
        },
        { ...base, id: 'b', code: '510116001001002', name: '二', type: 'GENERAL', boundary: null, boundaryCrs: null },
      ],
      'GCJ02',
    );
    expect(map.type).toBe('FeatureCollection');
    expect(map.coordinateSystem).toBe('GCJ02');
    expect(map.features).toHaveLength(1);
    expect(map.features[0]).toMatchObject({
      type: 'Feature',
      id: 'a',
      properties: { code: '510116001001001', name: '一', type: 'GENERAL', sourceCrs: 'WGS84' },
    });
    expect(map.features[0]!.geometry).toEqual(convertGeometry(square(103.9, 30.5, 0.01), 'WGS84', 'GCJ02'));
  });
});
