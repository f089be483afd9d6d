import type { GridType } from './enums.js';
import { coordinateProblem, type Position } from './geometry.js';
import { gridRetired } from './grid-rules.js';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';
import { containsPoint, type Drawn } from './spatial.js';

export interface BuildingRequest {
  name: string;
  address: string;
  units: number;
  floors: number;
  householdCount: number;
  location?: { lng: number; lat: number } | null;
}

function countProblem(
  value: number,
  low: number,
  high: number,
  code: string,
  field: string,
  label: string,
): Problem | null {
  if (Number.isInteger(value) && value >= low && value <= high) return null;
  return problem(code, field, `${label}应为 ${low} 至 ${high} 之间的整数`);
}

/** What a new building's request says by itself. */
export function buildingRequestProblems(request: BuildingRequest): Problem[] {
  const address = request.address.trim();
  return [
    nameProblem(request.name),
    !address || address.length > 200
      ? problem('INVALID_ADDRESS', 'address', '地址不能为空，且不超过 200 个字符')
      : null,
    countProblem(request.units, 1, 50, 'INVALID_UNITS', 'units', '单元数'),
    countProblem(request.floors, 1, 200, 'INVALID_FLOORS', 'floors', '楼层数'),
    countProblem(request.householdCount, 0, 5000, 'INVALID_HOUSEHOLD_COUNT', 'householdCount', '户数'),
    request.location ? coordinateProblem(request.location.lng, request.location.lat, 'location') : null,
  ].filter((p): p is Problem => p !== null);
}

/** Buildings stand in active micro-grids, inside the boundary when one is drawn. */
export function buildingPlacementProblems(
  grid: { type: GridType; status: string; drawn: Drawn | null },
  locationGcj02: Position | null,
): Problem[] {
  if (grid.type !== 'MICRO') return [problem('NOT_A_MICRO_GRID', 'gridId', '楼栋只能登记在微网格中')];
  if (grid.status !== 'ACTIVE') return [gridRetired('gridId')];
  if (locationGcj02 && grid.drawn && !containsPoint(grid.drawn, locationGcj02)) {
    return [problem('LOCATION_OUTSIDE_GRID', 'location', '楼栋位置不在该微网格的边界之内')];
  }
  return [];
}

export function duplicateBuildingName(name: string): Problem {
  return problem('DUPLICATE_BUILDING_NAME', 'name', `该微网格中已有名为“${name}”的楼栋`);
}
