import type { DataSource } from 'typeorm';
import { TagCatalogue } from '../domain/tags.js';
import { TagDefinition } from '../entities/tag-definition.js';

/** The active tag catalogue; read once per request that needs it (one statement). */
export async function loadTagCatalogue(dataSource: DataSource): Promise<TagCatalogue> {
  const kinds = await dataSource.getRepository(TagDefinition).find({ where: { active: true }, order: { code: 'ASC' } });
  return new TagCatalogue(kinds);
}
