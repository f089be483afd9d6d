import type { Problem } from '../../../kit/src/problems.js';

export const HEAD_OF_HOUSEHOLD = '户主';

/** Relations to the head as household registers write them. */
export const RELATIONS = [
  HEAD_OF_HOUSEHOLD,
  '配偶',
  '子女',
  '父母',
  '孙子女',
  '祖父母',
  '兄弟姐妹',
  '其他亲属',
  '非亲属',
] as const;

/** The head first, the others in the order given (oldest first from the loader). */
export function headFirst<T extends { householdRelation: string | null }>(members: readonly T[]): T[] {
  const isHead = (member: T) => (member.householdRelation === HEAD_OF_HOUSEHOLD ? 1 : 0);
  return [...members].sort((a, b) => isHead(b) - isHead(a));
}

/** A household has one head; the relation must be one the register knows. */
export function joinProblems(
  relation: string,
  members: readonly { id: string; householdRelation: string | null }[],
  personId: string,
): Problem[] {
  if (!(RELATIONS as readonly string[]).includes(relation)) {
    return [{ code: 'INVALID_RELATION', field: 'relation', message: `与户主关系应为：${RELATIONS.join('、')}` }];
  }
  const head = members.find((member) => member.householdRelation === HEAD_OF_HOUSEHOLD && member.id !== personId);
  if (relation === HEAD_OF_HOUSEHOLD && head)
    return [{ code: 'HOUSEHOLD_HAS_HEAD', field: 'relation', message: '该户已有户主' }];
  return [];
}

export function addressProblem(address: string): Problem | null {
  const trimmed = address.trim();
  return trimmed.length >= 2 && trimmed.length <= 255
    ? null
    : { code: 'INVALID_ADDRESS', field: 'address', message: '地址应为 2 至 255 个字符' };
}

/** Only residents in the register (ACTIVE) head or join a household. */
export function notActiveProblem(field = 'personId'): Problem {
  return { code: 'PERSON_NOT_ACTIVE', field, message: '只有在册（ACTIVE）人员才能入户' };
}
