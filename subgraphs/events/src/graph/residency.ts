import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

const HOME_QUERY = 'query TopicResident($id: ID!) { person(id: $id) { id grid { id code } } }';

/** Where a resident lives, and how that is known. */
export interface Residency {
  /** Codes of the resident's home: their grid's code, or the codes their token is scoped to. */
  homes: string[];
  /** `GRAPH`: the people subgraph said; `TOKEN`: it refused, and the token's scope stood in. */
  source: 'GRAPH' | 'TOKEN';
}

/**
 * Where the viewer (a resident acting as themselves) lives. Asked of the graph with the
 * caller's own token: `person(id: personId) { grid { code } }`. The people subgraph serves
 * anyone their own record, so the answer is the grid it records, wherever the token is
 * scoped (a resident who moved takes part where they live now). Should it refuse (a people
 * subgraph older than that rule), the token's scope, which the token service sets to the
 * resident's own micro-grid, stands in. A graph that cannot be reached is an error, not a
 * reason to trust less checked data.
 */
export async function residencyOf(context: Context): Promise<Residency> {
  const personId = context.viewer.personId;
  if (!personId) return { homes: [], source: 'TOKEN' };
  try {
    type Answer = { person: { id: string; grid: { id: string; code: string } | null } | null };
    const { person } = await context.runtime.graph.request<Answer>(
      HOME_QUERY,
      { id: personId },
      context.runtime.authorization,
    );
    return { homes: person?.grid ? [person.grid.code] : [], source: 'GRAPH' };
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'GRAPH_REQUEST_FAILED')
      return { homes: [...context.viewer.scopes], source: 'TOKEN' };
    throw error;
  }
}
