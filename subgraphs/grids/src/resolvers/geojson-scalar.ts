import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badUserInput } from '../../../kit/src/errors.js';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literal(field.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    default:
      throw badUserInput('GeoJSON 不能包含变量引用，请整体作为变量传入');
  }
}

/**
 * GeoJSON as plain JSON, in both directions. Input is not checked here: the domain
 * (domain/geometry.ts) validates a boundary and turns every problem into a user error.
 */
export const GeoJSON = new GraphQLScalarType<unknown, unknown>({
  name: 'GeoJSON',
  description: 'A GeoJSON object (RFC 7946 structure) as JSON.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => literal(ast),
});
