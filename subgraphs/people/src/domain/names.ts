/**
 * Names as residents write them: Han characters or letters, at least two, with the
 * middle dot of transliterated names (阿卜杜·热合曼) and single spaces between words.
 */
const NAME_PATTERN = /^[\p{L}](?:[\p{L}·•]| (?=\p{L}))*[\p{L}]$/u;
export const MAX_NAME_LENGTH = 40;

export function isValidName(name: string): boolean {
  return Array.from(name).length <= MAX_NAME_LENGTH && NAME_PATTERN.test(name);
}
