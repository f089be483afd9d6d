import type { EventPriority } from './event-values.js';

/** Where a category comes from: GB/T 30428's facility (部件) and event (事件) classes, or the community's own. */
export const CATEGORY_CLASSES = ['FACILITY', 'EVENT', 'COMMUNITY'] as const;
export type CategoryClass = (typeof CATEGORY_CLASSES)[number];

/** Minutes allowed for each stage: registering after the report, accepting after dispatch, closing after registering. */
export interface StageLimits {
  registerMinutes: number;
  acceptMinutes: number;
  finishMinutes: number;
}

/** One entry of the catalogue. Normal events count working minutes; urgent ones clock minutes. */
export interface CategoryDefinition {
  name: string;
  categoryClass: CategoryClass;
  active: boolean;
  sortOrder: number;
  normal: StageLimits;
  urgent: StageLimits;
}

/** A working day of the default hours (09:00–12:00, 13:30–17:30) in minutes. */
const WORKING_DAY = 7 * 60;

const standard = (finishDays: number): Pick<CategoryDefinition, 'normal' | 'urgent'> => ({
  // Register and dispatch within one working hour; urgent within ten minutes (DESIGN).
  normal: { registerMinutes: 60, acceptMinutes: 60, finishMinutes: finishDays * WORKING_DAY },
  urgent: { registerMinutes: 10, acceptMinutes: 10, finishMinutes: 24 * 60 },
});

const entry = (
  name: string,
  categoryClass: CategoryClass,
  sortOrder: number,
  finishDays: number,
): CategoryDefinition => ({
  name,
  categoryClass,
  active: true,
  sortOrder,
  ...standard(finishDays),
});

/**
 * The catalogue a new database starts with. GB/T 30428 names 市容环境 and 其他 in both
 * classes, so the facility ones carry 设施/部件 to keep names unique. Hotline requests get
 * 3 working days, disputes (complaint-like) 13, hazards 2, care visits 1.
 */
export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  entry('公共设施', 'FACILITY', 10, 3),
  entry('交通设施', 'FACILITY', 20, 3),
  entry('市容环境设施', 'FACILITY', 30, 3),
  entry('园林绿化', 'FACILITY', 40, 3),
  entry('其他部件', 'FACILITY', 50, 3),
  entry('市容环境', 'EVENT', 110, 3),
  entry('宣传广告', 'EVENT', 120, 3),
  entry('施工管理', 'EVENT', 130, 3),
  entry('街面秩序', 'EVENT', 140, 3),
  entry('突发事件', 'EVENT', 150, 1),
  entry('其他事件', 'EVENT', 160, 3),
  entry('安全隐患', 'COMMUNITY', 210, 2),
  entry('矛盾纠纷', 'COMMUNITY', 220, 13),
  entry('关爱走访', 'COMMUNITY', 230, 1),
];

/** Rectification events from inspections always carry this category. */
export const HAZARD_CATEGORY = '安全隐患';
/** Follow-ups of visits default to this category. */
export const CARE_CATEGORY = '关爱走访';
/** Drills simulate this category unless told otherwise. */
export const DRILL_CATEGORY = '突发事件';

export interface DeadlineRule {
  limits: StageLimits;
  clock: 'WORKING' | 'CLOCK';
}

/** The limits for a category and priority: urgent events count clock time. */
export function deadlineRule(category: CategoryDefinition, priority: EventPriority): DeadlineRule {
  return priority === 'URGENT'
    ? { limits: category.urgent, clock: 'CLOCK' }
    : { limits: category.normal, clock: 'WORKING' };
}

/** Fallback limits for an event whose category left the catalogue: those of 其他事件, or one working day. */
const FALLBACK: CategoryDefinition = {
  name: '其他事件',
  categoryClass: 'EVENT',
  active: true,
  sortOrder: 0,
  normal: { registerMinutes: 60, acceptMinutes: 60, finishMinutes: 3 * 420 },
  urgent: { registerMinutes: 10, acceptMinutes: 10, finishMinutes: 1440 },
};

/** The limits for an existing event: its category even when retired since, so its deadlines do not jump. */
export function ruleFor(
  catalogue: readonly CategoryDefinition[],
  category: string,
  priority: EventPriority,
): DeadlineRule {
  const definition =
    catalogue.find((entry) => entry.name === category) ??
    catalogue.find((entry) => entry.name === FALLBACK.name) ??
    FALLBACK;
  return deadlineRule(definition, priority);
}

/** The active catalogue entry of that name, or null: an unknown or retired category is a user error. */
export function findActiveCategory(catalogue: readonly CategoryDefinition[], name: string): CategoryDefinition | null {
  return catalogue.find((category) => category.name === name && category.active) ?? null;
}

export function unknownCategoryMessage(name: string): string {
  return `未知的事件类别：${name}（请从事件类别目录中选择）`;
}

/** The longest limit a category may set: a year, in minutes. */
export const MAX_LIMIT_MINUTES = 366 * 24 * 60;

/** Problems with a catalogue entry a street admin configures. */
export function categoryDefinitionProblems(
  definition: CategoryDefinition,
): { code: string; message: string; field: string }[] {
  const problems: { code: string; message: string; field: string }[] = [];
  const name = definition.name.trim();
  if (name.length < 2 || name.length > 32)
    problems.push({ code: 'INVALID_CATEGORY_NAME', message: '类别名称应为 2 至 32 个字', field: 'name' });
  for (const priority of ['normal', 'urgent'] as const) {
    for (const stage of ['registerMinutes', 'acceptMinutes', 'finishMinutes'] as const) {
      const minutes = definition[priority][stage];
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LIMIT_MINUTES) {
        problems.push({
          code: 'INVALID_TIME_LIMIT',
          message: `时限应为 1 到 ${MAX_LIMIT_MINUTES} 分钟的整数`,
          field: `${priority}.${stage}`,
        });
      }
    }
  }
  return problems;
}
