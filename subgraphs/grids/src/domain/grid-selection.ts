import type { GridStatus, GridType } from './enums.js';
import { gridNotFound, gridRetired } from './grid-rules.js';
import { problem, type Problem } from '../../../kit/src/problems.js';

export interface SelectedGrid {
  id: string;
  code: string;
  type: GridType;
  status: GridStatus;
  communityCode: string;
}

/**
 * Grids a branch or a brand is to cover, as the viewer may see them: each must exist in
 * the viewer's scope, be active and lie in one community, the one given or else the
 * first grid's. Problems name the position in the list (`gridIds.2`).
 */
export function gridSelectionProblems(
  ids: readonly string[],
  found: ReadonlyMap<string, SelectedGrid>,
  community: string | null,
  field = 'gridIds',
): { problems: Problem[]; communityCode: string | null } {
  const communityCode = community ?? (ids.length ? (found.get(ids[0] as string)?.communityCode ?? null) : null);
  const problems = ids.flatMap((id, index) => {
    const grid = found.get(id);
    const at = `${field}.${index}`;
    if (!grid) return [gridNotFound(at)];
    if (grid.status !== 'ACTIVE') return [gridRetired(at)];
    if (communityCode !== null && grid.communityCode !== communityCode) {
      return [problem('GRID_OF_ANOTHER_COMMUNITY', at, `网格 ${grid.code} 不属于社区 ${communityCode}`)];
    }
    return [];
  });
  return { problems, communityCode };
}

/** Ids in the order given, each once. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
