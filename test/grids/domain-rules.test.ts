import { describe, expect, it } from 'vitest';
import {
  areaCodeProblem,
  areaPlacementProblems,
  areaRequestProblems,
} from '../../subgraphs/grids/src/domain/area-codes.js';
import { areaPrefix } from '../../subgraphs/grids/src/domain/area-prefix.js';
import { buildingPlacementProblems, buildingRequestProblems } from '../../subgraphs/grids/src/domain/building-rules.js';
import { dedicatedKindFromName } from '../../subgraphs/grids/src/domain/dedicated-kind.js';
import {
  gridPlacementProblems,
  gridRequestProblems,
  retireProblems,
  updateProblems,
  type GridRequest,
} from '../../subgraphs/grids/src/domain/grid-rules.js';
import { toUserErrors } from '../../subgraphs/kit/src/problems.js';
import { composeServiceCard } from '../../subgraphs/grids/src/domain/service-card.js';
import {
  assignmentConflicts,
  assignmentRequestProblems,
  coveringAreaCode,
  endProblems,
  roleProblem,
} from '../../subgraphs/grids/src/domain/staff-rules.js';
import { square } from './support.js';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('area codes', () => {
  it('accepts real codes at every level', () => {
    expect(areaCodeProblem('DISTRICT', '510116')).toBeNull();
    expect(areaCodeProblem('STREET', '510116001')).toBeNull();
    expect(areaCodeProblem('COMMUNITY', '510116001011')).toBeNull();
  });

  it('refuses letters, wrong lengths and numbers outside the ranges of the division codes', () => {
    expect(areaCodeProblem('STREET', '51011600A')?.code).toBe('INVALID_CODE');
    expect(areaCodeProblem('COMMUNITY', '5101160010')?.code).toBe('INVALID_CODE');
    expect(areaCodeProblem('STREET', '510116100')?.code).toBe('INVALID_CODE');
    expect(areaCodeProblem('COMMUNITY', '510116001200')?.code).toBe('INVALID_CODE');
    expect(areaCodeProblem('COMMUNITY', '510116001000')?.code).toBe('INVALID_CODE');
    expect(areaCodeProblem('DISTRICT', '510100')?.code).toBe('INVALID_CODE');
  });

  it('refuses a code that does not extend its parent, and a parent at the wrong level', () => {
    const request = { code: '510115001030', name: '新社区', level: 'COMMUNITY' as const, parentCode: '510116001' };
    expect(codes(areaPlacementProblems(request, { code: '510116001', level: 'STREET' }, false))).toEqual([
      'CODE_NOT_UNDER_PARENT',
    ]);
    expect(codes(areaPlacementProblems(request, { code: '510116', level: 'DISTRICT' }, false))).toEqual([
      'PARENT_NOT_FOUND',
    ]);
    expect(codes(areaPlacementProblems(request, null, false))).toEqual(['PARENT_NOT_FOUND']);
  });

  it('hangs a district under its city by the first four digits', () => {
    const request = { code: '510117', name: '郫都区', level: 'DISTRICT' as const, parentCode: '510100' };
    expect(areaPlacementProblems(request, { code: '510100', level: 'CITY' }, false)).toEqual([]);
  });

  it('refuses adding a city and an empty name', () => {
    expect(codes(areaRequestProblems({ code: '510100', name: '成都市', level: 'CITY', parentCode: '510000' }))).toEqual(
      ['INVALID_LEVEL'],
    );
    expect(
      codes(areaRequestProblems({ code: '510116001030', name: ' ', level: 'COMMUNITY', parentCode: '510116001' })),
    ).toEqual(['INVALID_NAME']);
  });

  it('lets the city cover every code of its districts', () => {
    expect(areaPrefix('510100')).toBe('5101');
    expect(areaPrefix('510116')).toBe('510116');
    expect(areaPrefix('510116001')).toBe('510116001');
  });
});

describe('the 3+1 grid rules', () => {
  const general: GridRequest = { type: 'GENERAL', code: '510116001001005', name: '三义桥第5网格' };
  const facts = { communityExists: true, parent: null, activeTotal: null, codeTaken: false };
  const parent = { id: 'g1', code: '510116001001001', type: 'GENERAL' as const, status: 'ACTIVE' as const };

  it('accepts a general grid extending its community code', () => {
    expect(gridRequestProblems(general)).toEqual([]);
    expect(gridPlacementProblems(general, facts)).toEqual([]);
  });

  it('refuses codes of the wrong length or with letters', () => {
    expect(codes(gridRequestProblems({ ...general, code: '5101160010010' }))).toEqual(['INVALID_CODE']);
    expect(codes(gridRequestProblems({ ...general, code: '51011600100100A' }))).toEqual(['INVALID_CODE']);
    expect(codes(gridRequestProblems({ type: 'MICRO', code: '510116001001001', name: '微', parentId: 'g1' }))).toEqual([
      'INVALID_CODE',
    ]);
  });

  it('keeps the suffix 000 for the community total grid alone', () => {
    expect(codes(gridRequestProblems({ ...general, code: '510116001001000' }))).toEqual(['RESERVED_CODE']);
    expect(codes(gridRequestProblems({ type: 'COMMUNITY_TOTAL', code: '510116001001001', name: '总' }))).toEqual([
      'INVALID_CODE',
    ]);
  });

  it('refuses a second community total grid', () => {
    const total: GridRequest = { type: 'COMMUNITY_TOTAL', code: '510116001001000', name: '总网格' };
    expect(codes(gridPlacementProblems(total, { ...facts, activeTotal: parent }))).toEqual(['COMMUNITY_TOTAL_EXISTS']);
  });

  it('places a micro-grid only under an active general grid whose code it extends', () => {
    const micro: GridRequest = { type: 'MICRO', code: '510116001001001009', name: '微网格', parentId: 'g1' };
    expect(gridPlacementProblems(micro, { ...facts, parent })).toEqual([]);
    expect(codes(gridRequestProblems({ ...micro, parentId: null }))).toEqual(['PARENT_REQUIRED']);
    expect(codes(gridPlacementProblems(micro, facts))).toEqual(['PARENT_NOT_FOUND']);
    expect(codes(gridPlacementProblems(micro, { ...facts, parent: { ...parent, type: 'DEDICATED' } }))).toEqual([
      'PARENT_NOT_GENERAL',
    ]);
    expect(codes(gridPlacementProblems(micro, { ...facts, parent: { ...parent, status: 'RETIRED' } }))).toEqual([
      'PARENT_RETIRED',
    ]);
    expect(codes(gridPlacementProblems({ ...micro, code: '510116001001002009' }, { ...facts, parent }))).toEqual([
      'CODE_NOT_UNDER_PARENT',
    ]);
  });

  it('gives a parent to micro-grids only', () => {
    expect(codes(gridRequestProblems({ ...general, parentId: 'g1' }))).toEqual(['PARENT_NOT_ALLOWED']);
  });

  it('asks a dedicated grid for its organisation and kind, and no other grid', () => {
    const dedicated: GridRequest = { type: 'DEDICATED', code: '510116001001902', name: '实验小学专属网格' };
    expect(codes(gridRequestProblems(dedicated))).toEqual([
      'DEDICATED_ORGANISATION_REQUIRED',
      'DEDICATED_KIND_REQUIRED',
    ]);
    expect(gridRequestProblems({ ...dedicated, dedicatedTo: '实验小学', dedicatedKind: 'SCHOOL' })).toEqual([]);
    expect(codes(gridRequestProblems({ ...general, dedicatedTo: '实验小学' }))).toEqual([
      'DEDICATED_FIELDS_NOT_ALLOWED',
    ]);
  });

  it('refuses a grid outside a registered community and a code taken before', () => {
    expect(codes(gridPlacementProblems(general, { ...facts, communityExists: false }))).toEqual([
      'COMMUNITY_NOT_FOUND',
    ]);
    expect(codes(gridPlacementProblems(general, { ...facts, codeTaken: true }))).toEqual(['DUPLICATE_CODE']);
  });

  it('retires a grid only when nothing inside it is active and nobody serves it', () => {
    expect(retireProblems(parent, 0, 0)).toEqual([]);
    expect(codes(retireProblems(parent, 3, 2))).toEqual(['HAS_ACTIVE_CHILDREN', 'HAS_ACTIVE_STAFF']);
    expect(codes(retireProblems({ ...parent, status: 'RETIRED' }, 0, 0))).toEqual(['ALREADY_RETIRED']);
  });

  it('updates a retired grid never and a dedicated organisation only on a dedicated grid', () => {
    const grid = { ...parent, dedicatedTo: null, dedicatedKind: null };
    expect(codes(updateProblems({ ...grid, status: 'RETIRED' }, { name: '新名' }))).toEqual(['GRID_RETIRED']);
    expect(codes(updateProblems(grid, { dedicatedTo: '某医院' }))).toEqual(['DEDICATED_FIELDS_NOT_ALLOWED']);
    expect(codes(updateProblems(grid, { name: '' }))).toEqual(['INVALID_NAME']);
  });

  it('reads the kind of a dedicated grid from the organisation name', () => {
    expect(dedicatedKindFromName('三义桥小学')).toBe('SCHOOL');
    expect(dedicatedKindFromName('双桂社区卫生服务中心')).toBe('HOSPITAL');
    expect(dedicatedKindFromName('龙桥农贸市场')).toBe('MARKET');
    expect(dedicatedKindFromName('某某物流公司')).toBe('ENTERPRISE');
    expect(dedicatedKindFromName('文化广场')).toBeNull();
  });
});

describe('staff rules', () => {
  const now = new Date('2026-11-29T08:00:00Z');

  it('lets each role serve its kind of grid', () => {
    expect(roleProblem('GRID_WORKER', 'GENERAL')).toBeNull();
    expect(roleProblem('MICRO_GRID_LEADER', 'MICRO')).toBeNull();
    expect(roleProblem('MICRO_GRID_LEADER', 'GENERAL')?.code).toBe('ROLE_NOT_FOR_GRID_TYPE');
    expect(roleProblem('GRID_WORKER', 'MICRO')?.code).toBe('ROLE_NOT_FOR_GRID_TYPE');
  });

  it('refuses a bad work phone, a start in the future and a building for anyone but a steward', () => {
    expect(assignmentRequestProblems({ role: 'GRID_WORKER', workPhone: '028-85551234' }, now)).toEqual([]);
    expect(assignmentRequestProblems({ role: 'GRID_WORKER', workPhone: '13812345678' }, now)).toEqual([]);
    expect(codes(assignmentRequestProblems({ role: 'GRID_WORKER', workPhone: '12345' }, now))).toEqual([
      'INVALID_PHONE',
    ]);
    expect(
      codes(assignmentRequestProblems({ role: 'GRID_WORKER', startedAt: new Date('2026-12-01T00:00:00Z') }, now)),
    ).toEqual(['INVALID_START']);
    expect(codes(assignmentRequestProblems({ role: 'MICRO_GRID_WORKER', buildingId: 'b1' }, now))).toEqual([
      'BUILDING_NOT_ALLOWED',
    ]);
  });

  it('allows one active leader per micro-grid and one open assignment per person and role', () => {
    const leader = { staffId: 's1', personId: 'p1', role: 'MICRO_GRID_LEADER' as const };
    expect(codes(assignmentConflicts({ personId: 'p2', role: 'MICRO_GRID_LEADER' }, [leader]))).toEqual([
      'LEADER_EXISTS',
    ]);
    expect(codes(assignmentConflicts({ personId: 'p1', role: 'MICRO_GRID_LEADER' }, [leader]))).toEqual([
      'ALREADY_ASSIGNED',
    ]);
    expect(assignmentConflicts({ personId: 'p2', role: 'MICRO_GRID_WORKER' }, [leader])).toEqual([]);
  });

  it('ends an assignment neither in the future nor before it started', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(endProblems(now, start, now)).toEqual([]);
    expect(codes(endProblems(new Date('2025-12-31T00:00:00Z'), start, now))).toEqual(['END_BEFORE_START']);
    expect(codes(endProblems(new Date('2026-12-31T00:00:00Z'), start, now))).toEqual(['INVALID_END']);
  });

  it('scopes a staff member to the finest code covering every grid served', () => {
    expect(coveringAreaCode(['510116001001001001'])).toBe('510116001001001001');
    expect(coveringAreaCode(['510116001001001001', '510116001001001002'])).toBe('510116001001001');
    expect(coveringAreaCode(['510116001001001', '510116001002001'])).toBe('510116001');
    expect(coveringAreaCode(['510116001001000'])).toBe('510116001001');
    expect(coveringAreaCode([])).toBeNull();
  });
});

describe('buildings', () => {
  const request = { name: '1-1栋', address: '东升街道棠湖路1号1栋', units: 2, floors: 6, householdCount: 24 };
  const micro = {
    type: 'MICRO' as const,
    status: 'ACTIVE',
    drawn: { geometry: square(103.9, 30.5, 0.01), crs: 'GCJ02' as const },
  };

  it('checks the numbers of a building', () => {
    expect(buildingRequestProblems(request)).toEqual([]);
    expect(
      codes(buildingRequestProblems({ ...request, units: 0, floors: 300, householdCount: -1, address: '' })),
    ).toEqual(['INVALID_ADDRESS', 'INVALID_UNITS', 'INVALID_FLOORS', 'INVALID_HOUSEHOLD_COUNT']);
    expect(codes(buildingRequestProblems({ ...request, location: { lng: 200, lat: 30 } }))).toEqual([
      'COORDINATE_OUT_OF_RANGE',
    ]);
  });

  it('stands in an active micro-grid, inside its boundary', () => {
    expect(buildingPlacementProblems(micro, [103.905, 30.505])).toEqual([]);
    expect(codes(buildingPlacementProblems(micro, [103.95, 30.505]))).toEqual(['LOCATION_OUTSIDE_GRID']);
    expect(codes(buildingPlacementProblems({ ...micro, type: 'GENERAL' }, null))).toEqual(['NOT_A_MICRO_GRID']);
    expect(codes(buildingPlacementProblems({ ...micro, status: 'RETIRED' }, null))).toEqual(['GRID_RETIRED']);
  });
});

describe('the service card', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const entry = (
    id: string,
    role: 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'MICRO_GRID_WORKER' | 'BUILDING_STEWARD',
    gridId: string,
    buildingId: string | null = null,
  ) => ({
    staff: { id, role },
    gridId,
    buildingId,
    startedAt: at,
  });

  it('lists the leader and workers of the micro-grid and the grid worker of its general grid', () => {
    const card = composeServiceCard({ id: 'b1', gridId: 'micro' }, 'general', [
      entry('leader', 'MICRO_GRID_LEADER', 'micro'),
      entry('worker', 'MICRO_GRID_WORKER', 'micro'),
      entry('gw', 'GRID_WORKER', 'general'),
      entry('other-gw', 'GRID_WORKER', 'elsewhere'),
    ]);
    expect(card.microGridLeader?.id).toBe('leader');
    expect(card.microGridWorkers.map((s) => s.id)).toEqual(['worker']);
    expect(card.gridWorkers.map((s) => s.id)).toEqual(['gw']);
  });

  it('names the steward of this building before the stewards of the whole micro-grid, and never another building', () => {
    const stewards = [
      entry('own', 'BUILDING_STEWARD', 'micro', 'b1'),
      entry('all', 'BUILDING_STEWARD', 'micro'),
      entry('next', 'BUILDING_STEWARD', 'micro', 'b2'),
    ];
    expect(composeServiceCard({ id: 'b1', gridId: 'micro' }, null, stewards).buildingStewards.map((s) => s.id)).toEqual(
      ['own'],
    );
    expect(composeServiceCard({ id: 'b3', gridId: 'micro' }, null, stewards).buildingStewards.map((s) => s.id)).toEqual(
      ['all'],
    );
  });
});

describe('user errors', () => {
  it('point at the input field', () => {
    expect(toUserErrors([{ code: 'INVALID_NAME', field: 'name', message: 'x' }])).toEqual([
      { code: 'INVALID_NAME', field: ['input', 'name'], message: 'x' },
    ]);
    expect(toUserErrors([{ code: 'X', field: 'boundary.geometry', message: 'x' }])[0]?.field).toEqual([
      'input',
      'boundary',
      'geometry',
    ]);
  });
});
