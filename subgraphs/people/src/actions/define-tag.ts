import { requirePermission } from '../../../kit/src/auth.js';
import { problem, refusedPayload, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import { isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { tagDefinitionProblems } from '../domain/tags.js';
import { TagDefinition, type TagDefinitionEntity } from '../entities/tag-definition.js';
import type { DefineTagInput } from '../generated/resolvers.js';

/**
 * Adds a special group to the catalogue, or renames one: the tag is usable at once in
 * registrations, imports, filters and statistics, with no schema change.
 */
export async function defineTag(context: Context, input: DefineTagInput): Promise<Payload<'tag', TagDefinitionEntity>> {
  requirePermission(context.viewer, 'tag:write');
  const code = input.code.trim();
  const label = input.label.trim();
  const problems = tagDefinitionProblems(code, label);
  if (problems.length) return refusedPayload<'tag', TagDefinitionEntity>('tag', problems);
  const repository = context.db.dataSource.getRepository(TagDefinition);
  const existing = await repository.findOneBy({ code });
  const tag: TagDefinitionEntity = {
    code,
    label,
    needsOccupation: input.needsOccupation ?? existing?.needsOccupation ?? false,
    sensitive: input.sensitive ?? existing?.sensitive ?? false,
    active: true,
    createdAt: existing?.createdAt ?? storedNow(),
  };
  try {
    if (existing)
      await repository.update(
        { code },
        { label: tag.label, needsOccupation: tag.needsOccupation, sensitive: tag.sensitive, active: true },
      );
    else await repository.insert(tag);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refusedPayload<'tag', TagDefinitionEntity>('tag', [
      problem('DUPLICATE_TAG_LABEL', 'label', `已有名为“${label}”的标签`),
    ]);
  }
  context.loaders.clearTagCatalogue();
  return { tag, userErrors: [] };
}
