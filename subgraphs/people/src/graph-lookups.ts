import type { Context } from './context.js';
import type { BuildingFacts, GridFacts } from './domain/placement.js';

/** The gateway refuses more than 30 aliases in one query; lookups go in chunks below that. */
const ALIASES_PER_REQUEST = 25;
const GRID_FIELDS = '{ id code type status }';

interface Lookup {
  /** The Query field and its argument, e.g. `gridByCode(code:`. */
  field: string;
  argument: string;
  argumentType: string;
  selection: string;
}

const GRID_BY_ID: Lookup = { field: 'grid', argument: 'id', argumentType: 'ID!', selection: GRID_FIELDS };
const GRID_BY_CODE: Lookup = { field: 'gridByCode', argument: 'code', argumentType: 'String!', selection: GRID_FIELDS };
const BUILDING_BY_ID: Lookup = { field: 'building', argument: 'id', argumentType: 'ID!', selection: `{ id grid ${GRID_FIELDS} }` };

/**
 * Asks the graph about many grids or buildings with the caller's token, so the caller's
 * scope applies: one aliased query per chunk of keys, the chunks in parallel. A key the
 * caller may not see comes back null.
 */
async function lookUp<T>(context: Context, lookup: Lookup, keys: Iterable<string>): Promise<Map<string, T | null>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, T | null>();
  const chunks: string[][] = [];
  for (let index = 0; index < unique.length; index += ALIASES_PER_REQUEST) chunks.push(unique.slice(index, index + ALIASES_PER_REQUEST));
  await Promise.all(
    chunks.map(async (chunk) => {
      const variables = Object.fromEntries(chunk.map((key, index) => [`k${index}`, key]));
      const query = `query(${chunk.map((_, index) => `$k${index}: ${lookup.argumentType}`).join(', ')}) { ${chunk
        .map((_, index) => `k${index}: ${lookup.field}(${lookup.argument}: $k${index}) ${lookup.selection}`)
        .join(' ')} }`;
      const data = await context.runtime.graph.request<Record<string, T | null>>(query, variables, context.runtime.authorization);
      chunk.forEach((key, index) => found.set(key, data[`k${index}`] ?? null));
    }),
  );
  return found;
}

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

/** Everything the graph knows about the places a batch names; kinds with no key cost no request. */
export async function lookUpPlaces(context: Context, keys: PlacementKeys): Promise<PlacementFacts> {
  const [gridsById, gridsByCode, buildingsById] = await Promise.all([
    lookUp<GridFacts>(context, GRID_BY_ID, keys.gridIds),
    lookUp<GridFacts>(context, GRID_BY_CODE, keys.gridCodes),
    lookUp<BuildingFacts>(context, BUILDING_BY_ID, keys.buildingIds),
  ]);
  return { gridsById, gridsByCode, buildingsById };
}

/** The facts one request needs about its own place. */
export function factsFor(request: { gridId: string | null; gridCode: string | null; buildingId: string | null }, facts: PlacementFacts) {
  const grid = request.gridId !== null ? facts.gridsById.get(request.gridId) : request.gridCode !== null ? facts.gridsByCode.get(request.gridCode) : null;
  return { grid: grid ?? null, building: request.buildingId !== null ? (facts.buildingsById.get(request.buildingId) ?? null) : null };
}
