import type { Context } from '../context.js';

const TARGETS_QUERY = `query($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) { edges { node { id grid { id code } } } pageInfo { hasNextPage endCursor } } }`;

interface TargetPage {
  people: {
    edges: { node: { id: string; grid: { id: string; code: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every person of the community carrying the tag, read page by page through the graph with the caller's token. */
export async function taggedPeople(context: Context, areaCode: string, tag: string) {
  const targets: { personId: string; gridId: string; areaCode: string }[] = [];
  let after: string | null = null;
  do {
    const page: TargetPage = await context.runtime.graph.request<TargetPage>(
      TARGETS_QUERY,
      { filter: { areaCode, tags: [tag] }, first: 100, after },
      context.runtime.authorization,
    );
    for (const { node } of page.people.edges)
      targets.push({ personId: node.id, gridId: node.grid.id, areaCode: node.grid.code });
    after = page.people.pageInfo.hasNextPage ? page.people.pageInfo.endCursor : null;
  } while (after);
  return targets;
}
