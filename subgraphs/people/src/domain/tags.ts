import type { OccupationCode } from './occupations.js';

/**
 * Special-group tags. Codes are stable; labels are what workers read. The catalogue is the
 * `tag_definition` table: these are the built-in rows the migration seeds, and new groups
 * are added as rows (`defineTag`), not as schema changes.
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

/**
 * Built-in tags whose membership is sensitive personal information (PIPL art. 28: health,
 * specific identity, financial standing): 残疾人 (health), 低保 (financial hardship),
 * 重点关注 (a specific identity the street watches). A viewer without `person:read`
 * (ANALYST) may count their carriers but never list them; statistics suppress small cells.
 * New groups are marked when defined (`defineTag(sensitive: true)`).
 */
export const SENSITIVE_TAGS: readonly string[] = ['DISABLED', 'LOW_INCOME', 'KEY_CONCERN'];

export interface TagKind {
  code: string;
  label: string;
  needsOccupation: boolean;
  /** Membership is sensitive personal information: listed only with `person:read`. */
  sensitive: boolean;
}

/** The active catalogue, found by code or by label (spreadsheets use labels). */
export class TagCatalogue {
  private readonly byCode: Map<string, TagKind>;
  private readonly byLabel: Map<string, TagKind>;

  constructor(kinds: readonly TagKind[]) {
    this.byCode = new Map(kinds.map((kind) => [kind.code, kind]));
    this.byLabel = new Map(kinds.map((kind) => [kind.label, kind]));
  }

  get(code: string): TagKind | undefined {
    return this.byCode.get(code);
  }

  /** A code or a label, as typed. */
  find(text: string): TagKind | undefined {
    const trimmed = text.trim();
    return this.byCode.get(trimmed) ?? this.byCode.get(trimmed.toUpperCase()) ?? this.byLabel.get(trimmed);
  }

  kinds(): TagKind[] {
    return [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  labelOf(code: string): string {
    return this.byCode.get(code)?.label ?? code;
  }
}

/** A tag a person should carry. */
export interface WantedTag {
  code: string;
  occupation: OccupationCode | null;
  /** When it began; now when not said. */
  since: Date | null;
}

/** A tag a person carries now. */
export interface HeldTag {
  id: string;
  code: string;
  occupation: OccupationCode | null;
}

/**
 * What changes when a person's tags become `wanted`: tags no longer wanted (or wanted with
 * another occupation) close, new ones open, and tags that stay keep their row and their
 * start, so history is never rewritten.
 */
export function planTagChanges(
  held: readonly HeldTag[],
  wanted: readonly WantedTag[],
): { close: HeldTag[]; open: WantedTag[] } {
  const same = (a: { code: string; occupation: string | null }, b: { code: string; occupation: string | null }) =>
    a.code === b.code && (a.occupation ?? null) === (b.occupation ?? null);
  return {
    close: held.filter((tag) => !wanted.some((want) => same(tag, want))),
    open: wanted.filter((want) => !held.some((tag) => same(tag, want))),
  };
}

/** What is wrong with a set of tags against the catalogue, per tag and for the occupation. */
export function tagProblems(
  codes: readonly string[],
  occupation: OccupationCode | null,
  catalogue: TagCatalogue,
): { code: string; field: 'tags' | 'occupation'; message: string }[] {
  const problems: { code: string; field: 'tags' | 'occupation'; message: string }[] = [];
  for (const code of codes)
    if (!catalogue.get(code)) problems.push({ code: 'UNKNOWN_TAG', field: 'tags', message: `未知的人群标签：${code}` });
  const needing = codes.map((code) => catalogue.get(code)).filter((kind) => kind?.needsOccupation);
  if (needing.length && !occupation) {
    problems.push({
      code: 'OCCUPATION_REQUIRED',
      field: 'occupation',
      message: `人群标签“${needing.map((kind) => kind?.label).join('、')}”需要填写职业`,
    });
  }
  if (!needing.length && occupation) {
    problems.push({
      code: 'OCCUPATION_NOT_ALLOWED',
      field: 'occupation',
      message: '只有新就业形态劳动者等需要职业的标签才能填写职业',
    });
  }
  return problems;
}

const TAG_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const TAG_LABEL = /^[\p{L}\p{N}·（）()]{2,16}$/u;

/** A new catalogue row's problems: the code is for programs, the label for people. */
export function tagDefinitionProblems(
  code: string,
  label: string,
): { code: string; field: 'code' | 'label'; message: string }[] {
  const problems: { code: string; field: 'code' | 'label'; message: string }[] = [];
  if (!TAG_CODE.test(code))
    problems.push({
      code: 'INVALID_TAG_CODE',
      field: 'code',
      message: '标签代码应为 2 至 32 位大写字母、数字或下划线，以字母开头',
    });
  if (!TAG_LABEL.test(label))
    problems.push({ code: 'INVALID_TAG_LABEL', field: 'label', message: '标签名称应为 2 至 16 个汉字、字母或数字' });
  return problems;
}
