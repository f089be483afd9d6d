import { GraphQLError } from 'graphql';

/**
 * Area and grid codes (DESIGN rule 4): 6 digits county, 9 street, 12 community, then +3
 * for a grid and +3 for a micro-grid. Every code is a prefix of the codes below it.
 */
export const CODE_LENGTHS = { DISTRICT: 6, STREET: 9, COMMUNITY: 12, GRID: 15, MICRO_GRID: 18 } as const;

export function isAreaCode(code: string): boolean {
  return /^\d+$/.test(code) && [6, 9, 12, 15, 18].includes(code.length);
}

/** Checks a code argument; a malformed one is a BAD_USER_INPUT error naming the argument. */
export function parseAreaCodeArgument(argument: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (!isAreaCode(code)) {
    throw new GraphQLError(`${argument} 必须是 6、9、12、15 或 18 位数字的区划或网格编码`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return code;
}
