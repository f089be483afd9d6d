import type { CategoryDefinition } from '../domain/categories.js';
import type { EventCategoryEntity } from '../entities/event-category.js';
import type { Context } from '../context.js';

export function toDefinition(row: EventCategoryEntity): CategoryDefinition {
  return {
    name: row.name,
    categoryClass: row.categoryClass,
    active: Boolean(row.active),
    sortOrder: row.sortOrder,
    normal: {
      registerMinutes: row.normalRegisterMinutes,
      acceptMinutes: row.normalAcceptMinutes,
      finishMinutes: row.normalFinishMinutes,
    },
    urgent: {
      registerMinutes: row.urgentRegisterMinutes,
      acceptMinutes: row.urgentAcceptMinutes,
      finishMinutes: row.urgentFinishMinutes,
    },
  };
}

/** The catalogue as the domain reads it, once per request. */
export async function loadCatalogue(context: Context): Promise<CategoryDefinition[]> {
  return (await context.loaders.categories()).map(toDefinition);
}
