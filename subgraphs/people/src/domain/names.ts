/**
 * Names as residents write them: Han characters or letters, at least two, with the
 * middle dot of transliterated names (阿卜杜·热合曼) and single spaces between words.
 */
const NAME_PATTERN = /^[\p{L}](?:[\p{L}·•]| (?=\p{L}))*[\p{L}]$/u;
export const MAX_NAME_LENGTH = 40;

export function isValidName(name: string): boolean {
  return Array.from(name).length <= MAX_NAME_LENGTH && NAME_PATTERN.test(name);
}

/**
 * A name for viewers who may count people but not know them (ANALYST): the first and
 * last characters stay, the ones between are starred (张*明, 欧**娜); a two-character
 * name keeps its first (张*).
 */
export function maskName(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
