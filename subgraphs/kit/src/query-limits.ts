import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Query limits the gateway and every subgraph apply alike, so that no single request can
 * take a service's heap or CPU, whether it comes through the gateway or not.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  /** Objects in list fields of one response (subgraphs count them as they resolve). */
  maxObjects: number;
  /** Production hides "did you mean" suggestions, which spell out the schema. */
  blockFieldSuggestion: boolean;
}

export function queryLimitsFrom(config: {
  NODE_ENV: string;
  QUERY_MAX_DEPTH: number;
  QUERY_MAX_ALIASES: number;
  QUERY_MAX_COST: number;
  QUERY_MAX_TOKENS: number;
  RESPONSE_MAX_OBJECTS: number;
}): QueryLimits {
  return {
    maxDepth: config.QUERY_MAX_DEPTH,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxCost: config.QUERY_MAX_COST,
    maxTokens: config.QUERY_MAX_TOKENS,
    maxObjects: config.RESPONSE_MAX_OBJECTS,
    blockFieldSuggestion: config.NODE_ENV === 'production',
  };
}

export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** A refused request: its own code and a message a person can act on. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, http: { status: 400 } } });
  }
}

export const limitMessages = {
  depth: (n: number) => `查询层级过深（最多 ${n} 层）`,
  aliases: (n: number) => `查询别名过多（最多 ${n} 个）`,
  cost: (n: number) => `查询开销过大（上限 ${n}），请减少嵌套或每页条数`,
  tokens: (n: number) => `查询语句过长（最多 ${n} 个词法单元）`,
  directives: (n: number) => `查询指令过多（最多 ${n} 个）`,
  objects: (n: number) => `查询结果过大（最多 ${n} 个对象），请缩小范围或分页查询`,
};

/** Reports a limit as a validation error of our own instead of armor's English exception. */
const refuse = (message: string) => [
  (context: ValidationContext | null) => context?.reportError(new QueryLimitError(message)),
];

/**
 * Depth, aliases, cost and directives as validation rules (graphql-armor), and the token
 * limit as graphql-js's own parse option. Armor's token plugin parses in a hook Apollo
 * does not guard, so any syntax error became a 500; Apollo's parser answers 400.
 */
export function queryLimitProtection<C extends BaseContext>(
  limits: QueryLimits,
): { plugins: ApolloServerPlugin<C>[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: refuse(limitMessages.depth(limits.maxDepth)),
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: refuse(limitMessages.aliases(limits.maxAliases)),
    },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: refuse(limitMessages.cost(limits.maxCost)),
    },
    maxDirectives: { n: 50, propagateOnRejection: false, onReject: refuse(limitMessages.directives(50)) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestion },
  });
  const protection = armor.protect();
  return {
    // Armor's plugins read no context, so they fit any context type.
    plugins: protection.plugins as ApolloServerPlugin<C>[],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

function limitErrorIn(error: unknown): QueryLimitError | undefined {
  let current: unknown = error;
  for (let hops = 0; current && hops < 5; hops += 1) {
    if (current instanceof QueryLimitError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Apollo files a refused validation under GRAPHQL_VALIDATION_FAILED; a limit keeps its
 * own code so clients can tell "too big" from "wrong".
 */
export function withLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limit = limitErrorIn(error);
  if (limit) return { message: limit.message, extensions: { code: QUERY_LIMIT_EXCEEDED } };
  // graphql-js's own wording; a syntax error cannot quote a client's text into this shape.
  const tokens = formatted.message.match(TOKEN_LIMIT);
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokens)
    return { message: limitMessages.tokens(Number(tokens[1])), extensions: { code: QUERY_LIMIT_EXCEEDED } };
  return formatted;
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

interface ObjectBudget {
  count: number;
  exceeded: boolean;
}

const budgets = new WeakMap<object, ObjectBudget>();

function budgetOf(context: unknown): ObjectBudget {
  const key = context as object;
  let budget = budgets.get(key);
  if (!budget) {
    budget = { count: 0, exceeded: false };
    budgets.set(key, budget);
  }
  return budget;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * A guard on the size of one response: every list of objects the schema resolves is
 * counted against the request's budget, and past it the rest of the request resolves
 * nothing more. Depth and cost bound the shape of a query but not the length of its
 * lists; this bounds what one request can hold in memory. Only list fields are wrapped,
 * so scalar fields keep graphql-js's fast path.
 */
export function guardResponseSize<C extends BaseContext>(
  schema: GraphQLSchema,
  maxObjects: number,
): ApolloServerPlugin<C> {
  const refusal = limitMessages.objects(maxObjects);
  // By shape, not isObjectType(): @apollo/subgraph builds the schema with graphql's CommonJS
  // build, which vitest loads beside the ES module one, and the two fail each other's checks.
  const isComposite = (type: GraphQLNamedType | undefined | null) =>
    !!type && ('getFields' in type || 'getTypes' in type);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!('isTypeOf' in type) || !('getFields' in type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const shape = String(field.type);
      if (!shape.startsWith('[') || !isComposite(schema.getType(shape.replace(/[[\]!]/g, '')))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const charge = (budget: ObjectBudget, value: unknown) => {
        if (Array.isArray(value)) {
          budget.count += value.length;
          if (budget.count > maxObjects) budget.exceeded = true;
        }
        if (budget.exceeded) throw new QueryLimitError(refusal);
        return value;
      };
      field.resolve = (source, args, context, info) => {
        const budget = budgetOf(context);
        if (budget.exceeded) throw new QueryLimitError(refusal);
        const value = resolve(source, args, context, info);
        return isPromiseLike(value)
          ? Promise.resolve(value).then((list) => charge(budget, list))
          : charge(budget, value);
      };
    }
  }
  return {
    async requestDidStart() {
      return {
        // One refusal and no partial data, whatever had resolved before the budget ran out.
        async willSendResponse({ contextValue, response }) {
          if (!budgets.get(contextValue)?.exceeded || response.body.kind !== 'single') return;
          response.body.singleResult = { errors: [{ message: refusal, extensions: { code: QUERY_LIMIT_EXCEEDED } }] };
        },
      };
    },
  };
}

/**
 * Refuses `__schema` and `__type` when introspection is off (production's default):
 * clients take the published schema/api.graphql instead.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type')
      context.reportError(
        new GraphQLError('未开放内省查询（introspection）：请使用发布的 schema/api.graphql', { nodes: [node] }),
      );
  },
});
