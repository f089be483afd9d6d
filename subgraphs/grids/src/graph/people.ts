import { lookUpMany, type GraphLookup } from '../../../kit/src/graph-lookup.js';
import type { Context } from '../context.js';
import type { PersonFacts } from '../domain/party-branch-rules.js';

const PERSON_BY_ID: GraphLookup = {
  field: 'person',
  argument: 'id',
  argumentType: 'ID!',
  selection: '{ id tags { code } grid { code } }',
};

const PERSON_QUERY = 'query($id: ID!) { person(id: $id) { id } }';

/**
 * What the graph shows the caller about these people (their tags and the grid they live
 * in), asked with the caller's token so their scope applies, before any transaction
 * opens so no lock waits on the network. A person the caller may not see maps to null.
 */
export function lookUpPeople(context: Context, ids: Iterable<string>): Promise<Map<string, PersonFacts | null>> {
  return lookUpMany<PersonFacts>(context.runtime, PERSON_BY_ID, ids);
}

/** The person as the graph shows them to the caller: the caller's token, so the caller's scope. */
export async function personVisible(context: Context, personId: string): Promise<boolean> {
  const { person } = await context.runtime.graph.request<{ person: { id: string } | null }>(
    PERSON_QUERY,
    { id: personId },
    context.runtime.authorization,
  );
  return person !== null;
}
