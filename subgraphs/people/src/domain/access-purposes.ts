/**
 * Why personal data may be read in full (PIPL art. 13, 28, 34): a closed catalogue, so the
 * access log holds a reason an auditor can check, never free text chosen on the spot. A
 * code is what a client declares (the `purpose` argument or the `x-access-purpose`
 * header); a note may add the case at hand, but a note alone is no purpose.
 */
export const ACCESS_PURPOSE_CODES = [
  'VISIT_CARE',
  'POLICY_VERIFICATION',
  'EMERGENCY_RESPONSE',
  'DATA_CORRECTION',
  'JUDICIAL_ASSISTANCE',
] as const;

export type AccessPurposeCode = (typeof ACCESS_PURPOSE_CODES)[number];

export interface AccessPurpose {
  code: AccessPurposeCode;
  /** What workers read, e.g. 走访慰问. */
  label: string;
  /** The legal basis, cited. */
  legalBasis: string;
  /** When the purpose applies. */
  description: string;
}

export const ACCESS_PURPOSES: readonly AccessPurpose[] = [
  {
    code: 'VISIT_CARE',
    label: '走访慰问',
    legalBasis: '《个人信息保护法》第十三条第一款第（三）项：为履行法定职责所必需（社区走访、关爱服务）',
    description: '入户走访、关爱慰问空巢独居老人等特殊群体时核实身份和联系方式',
  },
  {
    code: 'POLICY_VERIFICATION',
    label: '政策核验',
    legalBasis: '《个人信息保护法》第十三条第一款第（三）项、第三十四条：国家机关为履行法定职责在法定权限内处理',
    description: '低保、残疾人补贴、优抚等政策待遇的资格审核与复核',
  },
  {
    code: 'EMERGENCY_RESPONSE',
    label: '应急处置',
    legalBasis:
      '《个人信息保护法》第十三条第一款第（四）项：为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需',
    description: '突发事件、灾害、公共卫生事件中联系和救助相关人员',
  },
  {
    code: 'DATA_CORRECTION',
    label: '数据订正',
    legalBasis: '《个人信息保护法》第八条、第四十六条：保证个人信息的质量，更正、补充不准确或者不完整的个人信息',
    description: '核对并更正登记有误的身份证号、联系电话或出生日期',
  },
  {
    code: 'JUDICIAL_ASSISTANCE',
    label: '司法协查',
    legalBasis:
      '《个人信息保护法》第十三条第一款第（二）项、第（三）项：履行法定义务或法定职责所必需（凭有权机关协查文书）',
    description: '公安、法院、检察院等有权机关依法出具协查文书时的配合查询',
  },
];

const BY_CODE = new Map<string, AccessPurpose>(ACCESS_PURPOSES.map((purpose) => [purpose.code, purpose]));

/** The code logged for a person's read of their own record (PIPL art. 45): not declarable. */
export const SELF_ACCESS_PURPOSE = 'SELF_ACCESS';
export const SELF_ACCESS_LABEL = '本人查阅';

export const MAX_NOTE_LENGTH = 200;

export function accessPurpose(code: string): AccessPurpose | undefined {
  return BY_CODE.get(code);
}

export function isAccessPurposeCode(code: string): code is AccessPurposeCode {
  return BY_CODE.has(code);
}

/**
 * The label a logged purpose reads as: a catalogue code's label, 本人查阅 for a self-access,
 * or the text itself for rows logged before the catalogue (free text then).
 */
export function purposeLabel(logged: string): string {
  if (logged === SELF_ACCESS_PURPOSE) return SELF_ACCESS_LABEL;
  return BY_CODE.get(logged)?.label ?? logged;
}

/** The catalogue, for messages: VISIT_CARE（走访慰问）、… */
export function purposeChoices(): string {
  return ACCESS_PURPOSES.map((purpose) => `${purpose.code}（${purpose.label}）`).join('、');
}

/** A declared purpose, as one of the catalogue's codes, or why it is not one. */
export type DeclaredPurpose = { code: AccessPurposeCode } | { problem: string };

/**
 * The purpose a header declares: exactly a catalogue code, percent-encoding allowed (it is
 * a header). Anything else (free text, dots, invisible or control characters, broken
 * escapes) declares no purpose and is a problem, not a silent fallback.
 */
export function parseHeaderPurpose(value: string): DeclaredPurpose {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return { problem: `访问目的无效：x-access-purpose 不是合法的编码文本，应为访问目的代码之一：${purposeChoices()}` };
  }
  const code = decoded.trim();
  if (isAccessPurposeCode(code)) return { code };
  return { problem: `访问目的无效：x-access-purpose 应为访问目的代码之一：${purposeChoices()}（见 accessPurposes）` };
}

/** Letters, digits, punctuation, symbols and plain spaces; no control, format (zero-width) or separator characters beyond the space. */
const NOTE_TEXT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;

/**
 * An optional note on a declared purpose (the case number, the household visited): null
 * when blank; a problem when longer than 200 characters or when it holds invisible or
 * control characters, which would make the log unreadable.
 */
export function parseNote(note: string | null | undefined): { note: string | null } | { problem: string } {
  const trimmed = note?.trim() ?? '';
  if (!trimmed) return { note: null };
  if ([...trimmed].length > MAX_NOTE_LENGTH) return { problem: `访问说明不能超过 ${MAX_NOTE_LENGTH} 个字` };
  if (!NOTE_TEXT.test(trimmed)) return { problem: '访问说明含有不可见字符或控制字符' };
  return { note: trimmed };
}
