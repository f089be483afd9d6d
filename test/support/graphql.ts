import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { signDevToken, type Role } from '../../subgraphs/kit/src/auth.js';

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
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
