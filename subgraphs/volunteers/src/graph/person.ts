import type { Context } from '../context.js';

const PERSON_QUERY = 'query($id: ID!) { person(id: $id) { id grid { code } } }';

export interface PersonFacts {
  id: string;
  grid: { code: string };
}

/**
 * A resident and where they live, as the people subgraph shows them to the caller: its
 * scope for a worker, the resident's own record for a resident. Null when not visible.
 */
export async function personFor(context: Context, personId: string): Promise<PersonFacts | null> {
  const { person } = await context.runtime.graph.request<{ person: PersonFacts | null }>(
    PERSON_QUERY,
    { id: personId },
    context.runtime.authorization,
  );
  return person;
}
