import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '../../subgraphs/kit/src/errors.js';

const INTERNAL_DETAIL =
  /https?:\/\/|ECONNREFUSED|ECONNRESET|ETIMEDOUT|\bSELECT\b|\bINSERT\b|\bUPDATE\b|\bsqlite\b|\bmysql\b|\bat .+:\d+:\d+/i;

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
  if (INTERNAL_DETAIL.test(masked.message)) {
    onInternal(formatted);
    return maskError({ ...masked, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  return masked;
}
