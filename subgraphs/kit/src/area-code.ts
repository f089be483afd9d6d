import { badUserInput } from './errors.js';

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
    throw badUserInput(`${argument} 必须是 6、9、12、15 或 18 位数字的区划或网格编码`, argument);
  }
  return code;
}

/**
 * The prefix under which a grid's rows live. A community total grid's code is its
 * community's code + `000`: everything in the community is inside it.
 */
export function gridAreaPrefix(gridCode: string): string {
  return gridCode.length === 15 && gridCode.endsWith('000') ? gridCode.slice(0, 12) : gridCode;
}

/** The codes above a code: 510116001011 → 510100 (the city), 510116, 510116001. */
export function ancestorCodes(code: string): string[] {
  const lengths = [6, 9, 12, 15].filter((length) => length < code.length);
  const codes = lengths.map((length) => code.slice(0, length));
  // The city (510100) sits above its districts (510115) though it is not a prefix of them.
  if (code.length >= 6) codes.unshift(`${code.slice(0, 4)}00`);
  return [...new Set(codes)].filter((ancestor) => ancestor !== code);
}
