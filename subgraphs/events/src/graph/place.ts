import { gridAreaPrefix } from '../../../kit/src/area-code.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { BUILDING_NOT_FOUND, GRID_NOT_FOUND, REPORTER_NOT_FOUND, type Problem } from '../domain/problems.js';
import { placeFacts, type GridSummary } from './lookups.js';

/**
 * Where something happens, as the graph shows it to the caller: an active grid in the
 * caller's scope, and, when named, a building inside that grid and the resident who
 * reported it, all in one request. Out of scope reads as not found, so the answer says
 * nothing about grids the caller may not see.
 */
export async function locate(
  context: Context,
  gridId: string,
  named: { buildingId: string | null; personId?: string | null },
): Promise<{ grid: GridSummary | null; problems: Problem[] }> {
  if (!gridId.trim()) return { grid: null, problems: [] };
  const personId = named.personId ?? null;
  const facts = await placeFacts(context, gridId.trim(), { buildingId: named.buildingId, personId });
  const grid =
    facts.grid && facts.grid.status === 'ACTIVE' && inScope(context.viewer, facts.grid.code) ? facts.grid : null;
  const problems = grid ? [] : [GRID_NOT_FOUND];
  if (grid && named.buildingId && !facts.building?.grid.code.startsWith(gridAreaPrefix(grid.code)))
    problems.push(BUILDING_NOT_FOUND);
  if (personId && !facts.person) problems.push(REPORTER_NOT_FOUND);
  return { grid: problems.length ? null : grid, problems };
}
