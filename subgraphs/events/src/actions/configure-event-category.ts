import { refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { toDefinition } from '../queries/catalogue.js';
import type { Context } from '../context.js';
import { categoryDefinitionProblems, type CategoryDefinition } from '../domain/categories.js';
import { EventCategory, type EventCategoryEntity } from '../entities/event-category.js';

export type ConfigureCategoryResult = Payload<'category', CategoryDefinition>;

/**
 * Adds a category to the catalogue or changes one; only street admins configure the
 * catalogue. New limits apply to events reported (and stages started) afterwards; a
 * retired category stays on its events but no new event may use it.
 */
export async function configureEventCategory(
  context: Context,
  input: Omit<CategoryDefinition, 'sortOrder'> & { sortOrder?: number | null },
): Promise<ConfigureCategoryResult> {
  if (!context.viewer.roles.includes('STREET_ADMIN')) {
    return refusedPayload<'category', CategoryDefinition>('category', [
      { code: 'ROLE_NOT_ALLOWED', message: '只有街道管理员可以配置事件类别' },
    ]);
  }
  const definition: CategoryDefinition = { ...input, name: input.name.trim(), sortOrder: input.sortOrder ?? 1000 };
  const problems = categoryDefinitionProblems(definition);
  if (problems.length) return refusedPayload<'category', CategoryDefinition>('category', problems);
  const row: EventCategoryEntity = {
    name: definition.name,
    categoryClass: definition.categoryClass,
    active: definition.active,
    sortOrder: definition.sortOrder,
    normalRegisterMinutes: definition.normal.registerMinutes,
    normalAcceptMinutes: definition.normal.acceptMinutes,
    normalFinishMinutes: definition.normal.finishMinutes,
    urgentRegisterMinutes: definition.urgent.registerMinutes,
    urgentAcceptMinutes: definition.urgent.acceptMinutes,
    urgentFinishMinutes: definition.urgent.finishMinutes,
  };
  await context.db.dataSource.getRepository(EventCategory).save(row);
  return { category: toDefinition(row), userErrors: [] };
}
