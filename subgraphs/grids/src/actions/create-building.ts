import { randomUUID } from 'node:crypto';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { drawnOf } from '../domain/boundary-rules.js';
import {
  buildingPlacementProblems,
  buildingRequestProblems,
  duplicateBuildingName,
  type BuildingRequest,
} from '../domain/building-rules.js';
import { convertPosition } from '../domain/crs.js';
import type { CoordinateSystem } from '../domain/geometry.js';
import { gridNotFound } from '../domain/grid-rules.js';
import { Building, type BuildingEntity } from '../entities/building.js';
import { lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';

export interface CreateBuildingRequest extends BuildingRequest {
  gridId: string;
  location?: { lng: number; lat: number; crs?: CoordinateSystem | null } | null;
}

/** Adds a building (楼栋) to an active micro-grid, inside its boundary when one is drawn. */
export function createBuilding(
  context: Context,
  request: CreateBuildingRequest,
): Promise<Payload<'building', BuildingEntity>> {
  const name = request.name.trim();
  return mutate(
    context,
    'building',
    async (manager) => {
      refuseIf(buildingRequestProblems(request));
      const grid = await lockVisibleGrid(context, manager, request.gridId);
      if (!grid) refuse([gridNotFound('gridId')]);
      const { location } = request;
      const crs = location?.crs ?? 'GCJ02';
      const point = location ? convertPosition([location.lng, location.lat], crs, 'GCJ02') : null;
      refuseIf(
        buildingPlacementProblems({ type: grid.type, status: grid.status, drawn: drawnOf(grid)?.drawn ?? null }, point),
      );
      if (await manager.existsBy(Building, { gridId: grid.id, name })) refuse([duplicateBuildingName(name)]);
      const building: BuildingEntity = {
        id: randomUUID(),
        gridId: grid.id,
        areaCode: grid.code,
        name,
        address: request.address.trim(),
        units: request.units,
        floors: request.floors,
        householdCount: request.householdCount,
        lng: location?.lng ?? null,
        lat: location?.lat ?? null,
        locationCrs: location ? crs : null,
        createdAt: storedNow(),
      };
      await manager.insert(Building, building);
      return building;
    },
    () => duplicateBuildingName(name),
  );
}
