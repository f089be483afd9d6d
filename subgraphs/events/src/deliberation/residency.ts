import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

const HOME_QUERY = 'query TopicResident($id: ID!) { person(id: $id) { id grid { id code } } }';

/** Where a resident lives, and how that is known. */
export interface Residency {
  /** Codes of the resident's home: their grid's code, or the codes their token is scoped to. */
  homes: string[];
  /** `GRAPH`: the people subgraph said; `TOKEN`: it would not, and the token's scope stands in. */
  source: 'GRAPH' | 'TOKEN';
}

/**
 * Where the viewer (a resident acting as themselves) lives. Asked of the graph with the
 * caller's own token: `person(id: personId) { grid { code } }`. The people subgraph may
 * refuse a resident's token (residents have no `person:read`); then the token's scope,
 * which the token service sets to the resident's own micro-grid, stands in. A graph that
 * cannot be reached is an error, not a reason to trust less checked data.
 */
export async function residencyOf(context: Context): Promise<Residency> {
  const personId = context.viewer.personId;
  if (!personId) return { homes: [], source: 'TOKEN' };
  try {
    type Answer = { person: { id: string; grid: { id: string; code: string } | null } | null };
    const { person } = await context.runtime.graph.request<Answer>(HOME_QUERY, { id: personId }, context.runtime.authorization);
    return { homes: person?.grid ? [person.grid.code] : [], source: 'GRAPH' };
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'GRAPH_REQUEST_FAILED') return { homes: [...context.viewer.scopes], source: 'TOKEN' };
    throw error;
  }
}
