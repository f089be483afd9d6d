/**
 * Special-group tags. Codes are stable; labels are what workers read. New tags are rows
 * of this catalogue, not schema changes.
 */
export const TAG_LABELS: Record<string, string> = {
  EMPTY_NEST_ELDER: '空巢老人',
  LIVING_ALONE_ELDER: '独居老人',
  NEW_EMPLOYMENT_WORKER: '新就业形态劳动者',
  DISABLED: '残疾人',
  LOW_INCOME: '低保',
  VETERAN: '退役军人',
  PARTY_MEMBER: '党员',
  KEY_CONCERN: '重点关注',
};

export function isKnownTag(code: string): boolean {
  return code in TAG_LABELS;
}
