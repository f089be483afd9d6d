import { type DocumentNode, type GraphQLFormattedError, Kind, parse, type SelectionSetNode } from 'graphql';
import { maskError } from '../../subgraphs/kit/src/errors.js';
import { SUBGRAPHS } from '../../subgraphs/kit/src/subgraphs.js';

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
  const unavailable = unavailableService(formatted);
  if (unavailable) {
    // Expected and already logged once, at warn, by the fetcher (subgraph-fetcher.ts).
    return {
      message: unavailableMessage(unavailable),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: SUBGRAPH_UNAVAILABLE, service: unavailable },
    };
  }
  const masked = maskError(formatted, onInternal);
  const code = masked.extensions?.code;
  if (typeof code === 'string' && ABOUT_THE_REQUEST.has(code)) return masked;
  if (INTERNAL_DETAIL.test(masked.message)) {
    onInternal(formatted);
    return maskError({ ...masked, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  return masked;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

const SERVICE_LABELS: Record<string, string> = {
  people: '人口',
  grids: '网格',
  volunteers: '志愿服务',
  events: '事件',
};

const SERVICE_NAMES = new Set<string>(SUBGRAPHS.map(({ name }) => name));

export function unavailableMessage(service: string): string {
  return `${SERVICE_LABELS[service] ?? service}服务暂时不可用，这部分数据暂缺，请稍后重试`;
}

function unavailableService(formatted: GraphQLFormattedError): string | null {
  const service = formatted.extensions?.service;
  return formatted.extensions?.code === SUBGRAPH_UNAVAILABLE &&
    typeof service === 'string' &&
    SERVICE_NAMES.has(service)
    ? service
    : null;
}

interface SubgraphRequest {
  query?: string;
  variables?: Record<string, unknown>;
}

/**
 * What the gateway tells itself a subgraph answered when it could not reach it: no data,
 * and one SUBGRAPH_UNAVAILABLE error per field the fetch asked for, with the path the
 * subgraph would have used (`["_entities", i, "activities"]` for an entity fetch). The
 * gateway maps those paths onto the client's response (`["gridByCode", "activities"]`),
 * the fields stay null, and their parents survive where the schema lets them be null.
 * Thrown instead, the error would carry no path and a non-null field would blank the
 * whole answer.
 */
export function unavailableResponse(
  service: string,
  request: SubgraphRequest,
  document?: DocumentNode,
): { data: null; errors: GraphQLFormattedError[] } {
  const error = (path?: (string | number)[]): GraphQLFormattedError => ({
    message: unavailableMessage(service),
    ...(path ? { path } : {}),
    extensions: { code: SUBGRAPH_UNAVAILABLE, service },
  });
  const parsed = document ?? (request.query ? parse(request.query) : undefined);
  const operation = parsed?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!parsed || operation?.kind !== Kind.OPERATION_DEFINITION) return { data: null, errors: [error()] };
  const fragments = new Map(
    parsed.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  // Response names of the fields a selection set asks for on a type, through its fragments.
  const fieldsOn = (selections: SelectionSetNode, typename: string | undefined): string[] =>
    selections.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) {
        return selection.name.value === '__typename' ? [] : [(selection.alias ?? selection.name).value];
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) return [];
      const condition = fragment.typeCondition?.name.value;
      return condition && typename && condition !== typename ? [] : fieldsOn(fragment.selectionSet, typename);
    });
  const root = operation.selectionSet;
  const entities = root.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  if (entities?.kind === Kind.FIELD && entities.selectionSet) {
    const representations = request.variables?.representations;
    const list = Array.isArray(representations) ? representations : [];
    const selectionSet = entities.selectionSet;
    const errors = list.flatMap((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const fields = [...new Set(fieldsOn(selectionSet, typeof typename === 'string' ? typename : undefined))];
      return fields.map((field) => error(['_entities', index, field]));
    });
    return { data: null, errors: errors.length > 0 ? errors : [error()] };
  }
  const fields = [...new Set(fieldsOn(root, undefined))];
  return { data: null, errors: fields.length > 0 ? fields.map((field) => error([field])) : [error()] };
}
