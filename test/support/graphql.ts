import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { signDevToken, type Role } from '../../subgraphs/kit/src/auth.js';
import { DEV_SUBGRAPH_SECRET, signSubgraphRequest } from '../../subgraphs/kit/src/gateway-signature.js';

export const TEST_AUTH = { AUTH_ISSUER: 'grid-governance', AUTH_AUDIENCE: 'grid-graph', AUTH_JWT_SECRET: undefined };

export function tokenFor(
  role: Role,
  scopes: string[],
  options: { permissions?: string[]; subject?: string; personId?: string } = {},
): Promise<string> {
  return signDevToken(
    {
      subject: options.subject ?? `test-${role.toLowerCase()}`,
      roles: [role],
      scopes,
      permissions: options.permissions ?? [],
      ...(options.personId ? { personId: options.personId } : {}),
    },
    TEST_AUTH,
  );
}

/**
 * The headers the gateway adds to a subgraph request, for tests that call a subgraph
 * directly (test subgraphs use the development secret). The gateway ignores them.
 */
export function signedFor(url: string, body: string, method = 'POST'): Record<string, string> {
  const { pathname, search } = new URL(url);
  return signSubgraphRequest(body, DEV_SUBGRAPH_SECRET, { method, path: `${pathname}${search}` });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions<V = Record<string, unknown>> {
  variables?: V;
  token?: string | null;
  headers?: Record<string, string>;
}

/**
 * Sends one GraphQL request over real HTTP. Given a typed document (`gql(...)` from
 * test/generated, `npm run codegen`), `data` and `variables` have the operation's types;
 * given a string, `data` is untyped, for queries built at run time or meant to be refused.
 */
export async function graphql<T, V>(
  url: string,
  document: TypedDocumentNode<T, V>,
  options?: RequestOptions<V>,
): Promise<GraphQLResponse<T>>;
export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  options?: RequestOptions,
): Promise<GraphQLResponse<T>>;
export async function graphql<T>(
  url: string,
  document: string | TypedDocumentNode<T, unknown>,
  options: RequestOptions<unknown> = {},
): Promise<GraphQLResponse<T>> {
  const query = typeof document === 'string' ? document : print(document);
  const body = JSON.stringify({ query, variables: options.variables ?? {} });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signedFor(url, body),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body,
  });
  const answer = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...answer };
}
