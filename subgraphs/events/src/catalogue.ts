import { deadlineRule, type CategoryDefinition, type DeadlineRule } from './domain/categories.js';
import type { EventPriority } from './domain/event-values.js';
import type { EventCategoryEntity } from './entities/event-category.js';
import type { Context } from './context.js';

export function toDefinition(row: EventCategoryEntity): CategoryDefinition {
  return {
    name: row.name,
    categoryClass: row.categoryClass,
    active: Boolean(row.active),
    sortOrder: row.sortOrder,
    normal: { registerMinutes: row.normalRegisterMinutes, acceptMinutes: row.normalAcceptMinutes, finishMinutes: row.normalFinishMinutes },
    urgent: { registerMinutes: row.urgentRegisterMinutes, acceptMinutes: row.urgentAcceptMinutes, finishMinutes: row.urgentFinishMinutes },
  };
}

/** The catalogue as the domain reads it, once per request. */
export async function loadCatalogue(context: Context): Promise<CategoryDefinition[]> {
  return (await context.loaders.categories()).map(toDefinition);
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
export function ruleFor(catalogue: readonly CategoryDefinition[], category: string, priority: EventPriority): DeadlineRule {
  const definition = catalogue.find((entry) => entry.name === category) ?? catalogue.find((entry) => entry.name === FALLBACK.name) ?? FALLBACK;
  return deadlineRule(definition, priority);
}
