import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** An expected failure, returned as data in a mutation payload. `message` is for people: Chinese. */
export interface UserError {
  code: string;
  field: string[] | null;
  message: string;
}

export function userError(code: string, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

export const INTERNAL_MESSAGE = '服务器内部错误，请稍后重试';

const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'QUERY_LIMIT_EXCEEDED',
]);

/**
 * What a client may see of an error: its message when it is one we meant to send, and
 * only `code` (plus the argument it names) in extensions. Stack traces, SQL and internal
 * URLs never leave: unexpected errors become one generic message.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  onInternal?: (error: GraphQLFormattedError) => void,
): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const argument = formatted.extensions?.argument;
  if (!PUBLIC_CODES.has(code)) {
    onInternal?.(formatted);
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(typeof argument === 'string' ? { argument } : {}) },
  };
}

/** A request the caller must change: `BAD_USER_INPUT`, naming the argument when there is one. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
