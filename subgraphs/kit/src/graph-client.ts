import { GraphQLError } from 'graphql';

/**
 * Asks the graph (through the gateway) for another domain's data with the caller's own
 * token, so the caller's scope applies there too (DESIGN rule 1). A subgraph never reads
 * another subgraph's database.
 */
export interface GraphClient {
  request<T>(query: string, variables: Record<string, unknown>, authorization: string): Promise<T>;
}

export function createGraphClient(url: string, timeoutMs = 10_000): GraphClient {
  return {
    async request<T>(query: string, variables: Record<string, unknown>, authorization: string): Promise<T> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new GraphQLError('graph unavailable', {
          extensions: { code: 'GRAPH_UNAVAILABLE' },
          originalError: error as Error,
        });
      }
      const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) {
        throw new GraphQLError(`graph request failed: ${body.errors?.[0]?.message ?? response.status}`, {
          extensions: { code: 'GRAPH_REQUEST_FAILED' },
        });
      }
      return body.data;
    },
  };
}
