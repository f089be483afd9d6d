/**
 * The check character of a resident ID number (GB 11643-1999): weights over the first 17
 * digits, the sum mod 11 mapped to `1 0 X 9 8 7 6 5 4 3 2`. In the kit because the demo
 * world makes valid numbers and the people subgraph checks them: one algorithm, no
 * subgraph imported by the demo generator.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** Builds a valid number from its parts, for demo data and tests. */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}
