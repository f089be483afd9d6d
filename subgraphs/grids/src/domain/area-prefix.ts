/**
 * The code prefix of everything under an area. A city's code (510100) is not a prefix of
 * its districts' (510115): the city covers every code sharing its first four digits.
 */
export function areaPrefix(code: string): string {
  return code.length === 6 && code.endsWith('00') ? code.slice(0, 4) : code;
}
