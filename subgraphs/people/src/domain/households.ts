export const HEAD_OF_HOUSEHOLD = '户主';

/** The head first, the others in the order given (oldest first from the loader). */
export function headFirst<T extends { householdRelation: string | null }>(members: readonly T[]): T[] {
  const isHead = (member: T) => (member.householdRelation === HEAD_OF_HOUSEHOLD ? 1 : 0);
  return [...members].sort((a, b) => isHead(b) - isHead(a));
}
