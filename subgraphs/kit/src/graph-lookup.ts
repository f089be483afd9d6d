import type { GraphClient } from './graph-client.js';

/** The gateway refuses more than 30 aliases in one query; lookups go in chunks below that. */
export const ALIASES_PER_REQUEST = 25;

/** One Query field asked once per key, e.g. `grid(id: …) { id code }`. */
export interface GraphLookup {
  field: string;
  argument: string;
  /** The argument's GraphQL type, e.g. `ID!`. */
  argumentType: string;
  selection: string;
}

/**
 * Asks the graph about many entities of another domain with the caller's token, so the
 * caller's scope applies: one aliased query per chunk of keys, the chunks in parallel.
 * A key the caller may not see maps to null.
 */
export async function lookUpMany<T>(
  runtime: { graph: GraphClient; authorization: string },
  lookup: GraphLookup,
  keys: Iterable<string>,
): Promise<Map<string, T | null>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, T | null>();
  const chunks: string[][] = [];
  for (let index = 0; index < unique.length; index += ALIASES_PER_REQUEST)
    chunks.push(unique.slice(index, index + ALIASES_PER_REQUEST));
  await Promise.all(
    chunks.map(async (chunk) => {
      const variables = Object.fromEntries(chunk.map((key, index) => [`k${index}`, key]));
      const query = `query(${chunk.map((_, index) => `$k${index}: ${lookup.argumentType}`).join(', ')}) { ${chunk
        .map((_, index) => `k${index}: ${lookup.field}(${lookup.argument}: $k${index}) ${lookup.selection}`)
        .join(' ')} }`;
      const data = await runtime.graph.request<Record<string, T | null>>(query, variables, runtime.authorization);
      chunk.forEach((key, index) => {
        found.set(key, data[`k${index}`] ?? null);
      });
    }),
  );
  return found;
}
