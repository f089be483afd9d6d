import { badUserInput } from './errors.js';

/**
 * Area and grid codes (DESIGN rule 4): 6 digits county, 9 street, 12 community, then +3
 * for a grid and +3 for a micro-grid. Every code is a prefix of the codes below it.
 */
export const CODE_LENGTHS = { DISTRICT: 6, STREET: 9, COMMUNITY: 12, GRID: 15, MICRO_GRID: 18 } as const;

export function isAreaCode(code: string): boolean {
  return /^\d+$/.test(code) && [6, 9, 12, 15, 18].includes(code.length);
}

/**
 * The prefix everything under a code shares. A city's or province's statistical code is
 * padded with zeros (510100 成都市, 510000 四川省) and is not a prefix of its districts'
 * (510115): as a prefix it means its first four (5101) or two (51) digits. Every other
 * code is its own prefix. Applying it twice changes nothing.
 */
export function areaPrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Lengths of a scope prefix: a province (2) or city (4) prefix, then the area and grid codes. */
const SCOPE_LENGTHS: readonly number[] = [2, 4, 6, 9, 12, 15, 18];

/**
 * A token's scope as a prefix, or null when it is not a real area code: digits only, of
 * 2, 4, 6, 9, 12, 15 or 18 digits, a padded city or province code normalised by
 * `areaPrefix` (510100 → 5101, 510000 → 51).
 */
export function parseScope(scope: string): string | null {
  if (!/^\d+$/.test(scope) || !SCOPE_LENGTHS.includes(scope.length)) return null;
  return areaPrefix(scope);
}

/** Checks a code argument; a malformed one is a BAD_USER_INPUT error naming the argument. */
function checkAreaCode(argument: string, code: string): string {
  if (!isAreaCode(code)) {
    throw badUserInput(`${argument} 必须是 6、9、12、15 或 18 位数字的区划或网格编码`, argument);
  }
  return code;
}

/**
 * Checks an area-code argument that selects what lies under it, and returns it as the
 * prefix to match (`areaPrefix`: 510100 → 5101). Every `areaCode` filter and every
 * statistic by area goes through here; a malformed code is a BAD_USER_INPUT error naming
 * the argument.
 */
export function parseAreaCodeArgument(argument: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return areaPrefix(checkAreaCode(argument, code));
}

/** Checks a code argument that names one area row (`area(code:)`, a parent): returned as given. */
export function parseExactAreaCode(argument: string, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return checkAreaCode(argument, code);
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
