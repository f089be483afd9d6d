import { lookUpMany, type GraphLookup } from '../../../kit/src/graph-lookup.js';
import type { Context } from '../context.js';
import type { BuildingFacts, GridFacts } from '../domain/placement.js';

const GRID_FIELDS = '{ id code type status }';
const GRID_BY_ID: GraphLookup = { field: 'grid', argument: 'id', argumentType: 'ID!', selection: GRID_FIELDS };
const GRID_BY_CODE: GraphLookup = {
  field: 'gridByCode',
  argument: 'code',
  argumentType: 'String!',
  selection: GRID_FIELDS,
};
const BUILDING_BY_ID: GraphLookup = {
  field: 'building',
  argument: 'id',
  argumentType: 'ID!',
  selection: `{ id grid ${GRID_FIELDS} }`,
};

export interface PlacementKeys {
  gridIds: Iterable<string>;
  gridCodes: Iterable<string>;
  buildingIds: Iterable<string>;
}

export interface PlacementFacts {
  gridsById: Map<string, GridFacts | null>;
  gridsByCode: Map<string, GridFacts | null>;
  buildingsById: Map<string, BuildingFacts | null>;
}

/**
 * Everything the graph (the grids subgraph, with the caller's token) knows about the
 * places a batch names; kinds with no key cost no request.
 */
export async function lookUpPlaces(context: Context, keys: PlacementKeys): Promise<PlacementFacts> {
  const [gridsById, gridsByCode, buildingsById] = await Promise.all([
    lookUpMany<GridFacts>(context.runtime, GRID_BY_ID, keys.gridIds),
    lookUpMany<GridFacts>(context.runtime, GRID_BY_CODE, keys.gridCodes),
    lookUpMany<BuildingFacts>(context.runtime, BUILDING_BY_ID, keys.buildingIds),
  ]);
  return { gridsById, gridsByCode, buildingsById };
}

/** The facts one request needs about its own place. */
export function factsFor(
  request: { gridId: string | null; gridCode: string | null; buildingId: string | null },
  facts: PlacementFacts,
) {
  const grid =
    request.gridId !== null
      ? facts.gridsById.get(request.gridId)
      : request.gridCode !== null
        ? facts.gridsByCode.get(request.gridCode)
        : null;
  return {
    grid: grid ?? null,
    building: request.buildingId !== null ? (facts.buildingsById.get(request.buildingId) ?? null) : null,
  };
}
