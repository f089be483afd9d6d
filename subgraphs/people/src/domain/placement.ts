import type { Problem } from '../../../kit/src/problems.js';

/** What the grids subgraph says about a grid. */
export interface GridFacts {
  id: string;
  code: string;
  type: 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';
  status: 'ACTIVE' | 'RETIRED';
}

/** What the grids subgraph says about a building: the grid it stands in. */
export interface BuildingFacts {
  id: string;
  grid: GridFacts;
}

/** Where a request says a person lives. */
export interface PlacementRequest {
  gridId?: string | null;
  /** The grid by its code instead (spreadsheets know codes, not ids). */
  gridCode?: string | null;
  buildingId?: string | null;
  room?: string | null;
}

/** Where a person lives, checked: the grid's code is the row's area code. */
export interface Placement {
  gridId: string;
  areaCode: string;
  buildingId: string | null;
  room: string | null;
}

const ROOM = /^[\p{L}\p{N}\-#·（）() ]{1,32}$/u;

/**
 * A person lives in an active grid inside the registering viewer's scope. A community
 * total grid is the whole community, not a place: residents go in one of its grids.
 */
export function residenceGridProblem(
  grid: GridFacts | null,
  inViewerScope: (areaCode: string) => boolean,
  field = 'gridId',
): Problem | null {
  if (grid?.status !== 'ACTIVE') return { code: 'GRID_NOT_FOUND', field, message: '网格不存在或已撤销' };
  if (grid.type === 'COMMUNITY_TOTAL') {
    return {
      code: 'GRID_NOT_RESIDENTIAL',
      field,
      message: '社区总网格不能作为居住网格，请选择一般网格、微网格或专属网格',
    };
  }
  if (!inViewerScope(grid.code)) return { code: 'OUT_OF_SCOPE', field, message: '该网格不在您的管辖范围内' };
  return null;
}

/** Trims the request; empty text means not given. */
export function normalisePlacement(request: PlacementRequest): {
  gridId: string | null;
  gridCode: string | null;
  buildingId: string | null;
  room: string | null;
} {
  return {
    gridId: request.gridId?.trim() || null,
    gridCode: request.gridCode?.trim() || null,
    buildingId: request.buildingId?.trim() || null,
    room: request.room?.trim() || null,
  };
}

/** True when a request names any place at all. */
export function namesPlace(request: PlacementRequest): boolean {
  const { gridId, gridCode, buildingId, room } = normalisePlacement(request);
  return gridId !== null || gridCode !== null || buildingId !== null || room !== null;
}

/**
 * Checks where a request places a person against what the graph says about the grid and
 * the building (null: unknown or not visible to the caller). A building decides the grid;
 * a grid given too must be the building's.
 */
export function checkPlacement(
  request: PlacementRequest,
  facts: { grid: GridFacts | null; building: BuildingFacts | null },
  inViewerScope: (areaCode: string) => boolean,
): { placement: Placement; problems: [] } | { placement: null; problems: Problem[] } {
  const { gridId, gridCode, buildingId, room } = normalisePlacement(request);
  const gridKeyField = gridId !== null ? 'gridId' : 'gridCode';
  const gridNamed = gridId !== null || gridCode !== null;
  const problems: Problem[] = [];
  if (room !== null && !ROOM.test(room))
    problems.push({ code: 'INVALID_ROOM', field: 'room', message: '房号应为 1 至 32 个字符，如 2单元501' });
  if (room !== null && buildingId === null)
    problems.push({ code: 'INVALID_ROOM', field: 'room', message: '填写房号时须同时填写楼栋' });
  let grid: GridFacts | null = null;
  let gridField = gridKeyField;
  if (buildingId !== null) {
    const building = facts.building;
    if (!building)
      problems.push({ code: 'BUILDING_NOT_FOUND', field: 'buildingId', message: '楼栋不存在或不在您的管辖范围内' });
    else if (
      (gridId !== null && building.grid.id !== gridId) ||
      (gridId === null && gridCode !== null && building.grid.code !== gridCode)
    ) {
      problems.push({ code: 'BUILDING_NOT_IN_GRID', field: 'buildingId', message: '该楼栋不在所填网格内' });
    } else {
      grid = building.grid;
      gridField = 'buildingId';
    }
  } else if (!gridNamed) {
    problems.push({ code: 'GRID_NOT_FOUND', field: 'gridId', message: '请填写居住网格或楼栋' });
  } else {
    grid = facts.grid;
  }
  if (grid || (buildingId === null && gridNamed)) {
    const problem = residenceGridProblem(grid, inViewerScope, gridField);
    if (problem) problems.push(problem);
  }
  if (problems.length || !grid) return { placement: null, problems };
  return { placement: { gridId: grid.id, areaCode: grid.code, buildingId, room }, problems: [] };
}
