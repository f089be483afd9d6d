import { signDevToken, type Role } from '../../subgraphs/kit/src/auth.js';

export const TEST_AUTH = { AUTH_ISSUER: 'grid-governance', AUTH_AUDIENCE: 'grid-graph', AUTH_JWT_SECRET: undefined };

export function tokenFor(role: Role, scopes: string[], options: { permissions?: string[]; subject?: string; personId?: string } = {}): Promise<string> {
  return signDevToken(
    { subject: options.subject ?? `test-${role.toLowerCase()}`, roles: [role], scopes, permissions: options.permissions ?? [], ...(options.personId ? { personId: options.personId } : {}) },
    TEST_AUTH,
  );
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Sends one GraphQL request over real HTTP. */
export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string | null; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
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
