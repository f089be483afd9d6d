import type { DedicatedKind } from './enums.js';

const KEYWORDS: [DedicatedKind, RegExp][] = [
  ['SCHOOL', /学校|小学|中学|幼儿园|大学|学院/],
  ['HOSPITAL', /医院|卫生|诊所/],
  ['MARKET', /市场|农贸|商场|超市/],
  ['ENTERPRISE', /公司|企业|工厂|厂区|园区/],
];

/** The kind an organisation's name shows, for rows written before the kind was recorded; null when unclear. */
export function dedicatedKindFromName(name: string | null): DedicatedKind | null {
  if (!name) return null;
  return KEYWORDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}
