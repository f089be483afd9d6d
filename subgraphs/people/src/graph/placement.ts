import type { Problem } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { checkPlacement, normalisePlacement, type Placement, type PlacementRequest } from '../domain/placement.js';
import { factsFor, lookUpPlaces } from './places.js';

/** Checks where one request places a person, asking the graph about the grid and building. */
export async function resolvePlacement(
  context: Context,
  request: PlacementRequest,
): Promise<{ placement: Placement | null; problems: Problem[] }> {
  const keys = normalisePlacement(request);
  const facts = await lookUpPlaces(context, {
    gridIds: keys.gridId !== null ? [keys.gridId] : [],
    gridCodes: keys.gridId === null && keys.gridCode !== null ? [keys.gridCode] : [],
    buildingIds: keys.buildingId !== null ? [keys.buildingId] : [],
  });
  return checkPlacement(request, factsFor(keys, facts), (areaCode) => inScope(context.viewer, areaCode));
}
