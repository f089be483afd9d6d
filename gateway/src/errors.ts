import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '../../subgraphs/kit/src/errors.js';

const INTERNAL_DETAIL =
  /https?:\/\/|ECONNREFUSED|ECONNRESET|ETIMEDOUT|\bSELECT\b|\bINSERT\b|\bUPDATE\b|\bsqlite\b|\bmysql\b|\bat .+:\d+:\d+/i;

/**
 * Errors about the client's own request text: their messages quote it (`Cannot query field
 * "SELECT"`, a variable's value), never anything internal, so a word such as SELECT in
 * them is the client's, not a leak.
 */
const ABOUT_THE_REQUEST = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'QUERY_LIMIT_EXCEEDED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * The gateway's last word on every error: subgraph errors arrive with their stack traces
 * and failed fetches name the subgraph's internal URL, so both are stripped here even
 * though the subgraphs mask their own.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  onInternal: (error: GraphQLFormattedError) => void,
): GraphQLFormattedError {
  const masked = maskError(formatted, onInternal);
  const code = masked.extensions?.code;
  if (typeof code === 'string' && ABOUT_THE_REQUEST.has(code)) return masked;
  if (INTERNAL_DETAIL.test(masked.message)) {
    onInternal(formatted);
    return maskError({ ...masked, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  return masked;
}
