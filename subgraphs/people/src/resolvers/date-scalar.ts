import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../../../kit/src/errors.js';
import { isCalendarDate } from '../domain/dates.js';

function parse(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw badUserInput('日期必须是 YYYY-MM-DD 格式的真实日期，例如 2026-11-29');
}

/** Calendar dates (a birth, a move, a status) as the register keeps them: YYYY-MM-DD text. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (Asia/Shanghai).',
  serialize: (value) => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError('invalid Date value');
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : null),
});
