import type { GraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { maskDocumentNumber } from '../../subgraphs/people/src/domain/masking.js';
import type { ImportRowText } from '../../subgraphs/people/src/domain/import-values.js';

/** Lookups per request, 20 people each: well inside the alias limit (30) and the cost limit (about 550 a lookup of 20,000). */
const LOOKUPS_PER_REQUEST = 15;

interface FoundPerson {
  id: string;
  name: string;
  idNumber: string;
}

interface PeoplePage {
  edges: { node: FoundPerson }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Lookup = { line: number; row: ImportRowText; after?: string };

/** What the database holds for a row: the person's id, or null when no such person is there. */
export type Confirmation = Map<number, string | null>;

const normalisedNumber = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '').toUpperCase();

/**
 * One query for a slice of rows: each row by its full name (a name prefix, compared in
 * full afterwards) inside the caller's scope. The import token may read the register but
 * usually not ID numbers in full (`pii:read`), so a person counts as the row's when the
 * name and the masked number (510************02X) agree.
 */
function lookupQuery(lookups: readonly Lookup[]) {
  const variables: Record<string, unknown> = {};
  const fields = lookups.map(({ row, after }, index) => {
    variables[`n${index}`] = row.name?.trim();
    variables[`a${index}`] = after ?? null;
    return `r${index}: people(filter: { namePrefix: $n${index} }, first: 20, after: $a${index}) { edges { node { id name idNumber } } pageInfo { hasNextPage endCursor } }`;
  });
  const declarations = lookups.map((_, index) => `$n${index}: String, $a${index}: String`).join(', ');
  return { query: `query(${declarations}) { ${fields.join(' ')} }`, variables };
}

/**
 * Asks the graph which of the rows are in the database, after a batch whose answer never
 * came (the request failed or timed out: the rows may have been saved all the same). Rows
 * without a name or an ID number could not have been saved and are reported absent.
 */
export async function confirmStored(
  graph: GraphClient,
  token: string,
  rows: readonly { line: number; row: ImportRowText }[],
): Promise<Confirmation> {
  const confirmation: Confirmation = new Map();
  let pending: Lookup[] = rows.filter(({ line, row }) => {
    const usable = Boolean(row.name?.trim() && normalisedNumber(row.idNumber));
    if (!usable) confirmation.set(line, null);
    return usable;
  });
  // A common name may fill more than a page: such a row is asked again from where its page ended.
  while (pending.length) {
    const next: Lookup[] = [];
    for (let start = 0; start < pending.length; start += LOOKUPS_PER_REQUEST) {
      const slice = pending.slice(start, start + LOOKUPS_PER_REQUEST);
      const { query, variables } = lookupQuery(slice);
      const data = await graph.request<Record<string, PeoplePage>>(query, variables, `Bearer ${token}`);
      slice.forEach((lookup, index) => {
        const page = data[`r${index}`];
        const masked = maskDocumentNumber(normalisedNumber(lookup.row.idNumber));
        const match = page?.edges.find(({ node }) => node.name === lookup.row.name?.trim() && node.idNumber === masked);
        if (!match && page?.pageInfo.hasNextPage && page.pageInfo.endCursor)
          next.push({ ...lookup, after: page.pageInfo.endCursor });
        else confirmation.set(lookup.line, match?.node.id ?? null);
      });
    }
    pending = next;
  }
  return confirmation;
}

/**
 * Asks until the graph answers (a crashed subgraph is usually back within seconds), with
 * a growing pause, for at most `waitMs`; null when it never did.
 */
export async function confirmStoredWhenBack(
  graph: GraphClient,
  token: string,
  rows: readonly { line: number; row: ImportRowText }[],
  waitMs: number,
  onRetry?: (reason: string) => void,
): Promise<Confirmation | null> {
  const giveUpAt = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await confirmStored(graph, token, rows);
    } catch (error) {
      const pause = Math.min(5000, 500 * 2 ** attempt);
      if (Date.now() + pause > giveUpAt) return null;
      onRetry?.((error as Error).message);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
