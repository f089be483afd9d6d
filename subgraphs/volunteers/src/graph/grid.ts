import type { Context } from '../context.js';

const GRID_QUERY = 'query($id: ID!) { grid(id: $id) { id code status } }';

export interface GridFacts {
  id: string;
  code: string;
  status: 'ACTIVE' | 'RETIRED';
}

/** A grid as the grids subgraph shows it to the caller (their token, their scope), or null. */
export async function gridFor(context: Context, gridId: string): Promise<GridFacts | null> {
  const { grid } = await context.runtime.graph.request<{ grid: GridFacts | null }>(
    GRID_QUERY,
    { id: gridId },
    context.runtime.authorization,
  );
  return grid;
}
