import { randomUUID } from 'node:crypto';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { boundaryPlacementProblems, drawnOf } from '../domain/boundary-rules.js';
import { parseBoundary, type CoordinateSystem } from '../domain/geometry.js';
import {
  communityCodeOf,
  duplicateCode,
  gridPlacementProblems,
  gridRequestProblems,
  type GridRequest,
} from '../domain/grid-rules.js';
import { outOfScope } from '../domain/problems.js';
import { Area } from '../entities/area.js';
import { Grid, type GridEntity } from '../entities/grid.js';
import { containerOf, lockVisibleGrid } from '../queries/locked-rows.js';
import { mutate } from './mutate.js';
import { writeBoundary } from './write-boundary.js';

export interface CreateGridRequest extends GridRequest {
  boundary?: { crs: CoordinateSystem; geometry: unknown } | null;
}

/** Adds a grid under the 3+1 rules, with its boundary when one is given. */
export function createGrid(context: Context, request: CreateGridRequest): Promise<Payload<'grid', GridEntity>> {
  const code = request.code.trim();
  return mutate(
    context,
    'grid',
    async (manager) => {
      const parsed = request.boundary ? parseBoundary(request.boundary.geometry) : null;
      refuseIf([...gridRequestProblems({ ...request, code }), ...(parsed?.problems ?? [])]);
      if (!inScope(context.viewer, code)) refuse([outOfScope('code')]);
      const communityCode = communityCodeOf(code);
      const community = await manager.findOneBy(Area, { code: communityCode });
      const parent = request.parentId ? await lockVisibleGrid(context, manager, request.parentId) : null;
      const container =
        request.type === 'MICRO'
          ? parent
          : await containerOf(context, manager, { type: request.type, parentId: null, communityCode });
      refuseIf(
        gridPlacementProblems(request, {
          communityExists: community?.level === 'COMMUNITY',
          parent,
          activeTotal:
            request.type === 'COMMUNITY_TOTAL'
              ? await manager.findOneBy(Grid, { communityCode, type: 'COMMUNITY_TOTAL', status: 'ACTIVE' })
              : null,
          codeTaken: await manager.existsBy(Grid, { code }),
        }),
      );
      if (parsed?.geometry)
        refuseIf(
          boundaryPlacementProblems(
            { geometry: parsed.geometry, crs: request.boundary?.crs ?? 'GCJ02' },
            drawnOf(container),
            [],
          ),
        );
      const grid: GridEntity = {
        id: randomUUID(),
        code,
        name: request.name.trim(),
        type: request.type,
        status: 'ACTIVE',
        parentId: parent?.id ?? null,
        communityCode,
        dedicatedTo: request.type === 'DEDICATED' ? (request.dedicatedTo?.trim() ?? null) : null,
        dedicatedKind: request.type === 'DEDICATED' ? (request.dedicatedKind ?? null) : null,
        boundary: null,
        boundaryCrs: null,
        minLng: null,
        minLat: null,
        maxLng: null,
        maxLat: null,
        createdAt: storedNow(),
        retiredAt: null,
      };
      await manager.insert(Grid, grid);
      if (!parsed?.geometry) return grid;
      return { ...grid, ...(await writeBoundary(manager, grid.id, parsed.geometry, request.boundary?.crs ?? 'GCJ02')) };
    },
    () => duplicateCode(code),
  );
}
