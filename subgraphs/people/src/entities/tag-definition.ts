import { EntitySchema } from 'typeorm';

/** A row of the special-group catalogue: a new group is a new row, not a schema change. */
export interface TagDefinitionEntity {
  code: string;
  label: string;
  needsOccupation: boolean;
  /** Membership is sensitive personal information (PIPL art. 28): listed only with `person:read`. */
  sensitive: boolean;
  active: boolean;
  createdAt: Date;
}

export const TagDefinition = new EntitySchema<TagDefinitionEntity>({
  name: 'TagDefinition',
  tableName: 'tag_definition',
  columns: {
    code: { type: 'varchar', length: 32, primary: true },
    label: { type: 'varchar', length: 32, unique: true },
    needsOccupation: { name: 'needs_occupation', type: 'boolean', default: false },
    sensitive: { name: 'is_sensitive', type: 'boolean', default: false },
    active: { type: 'boolean', default: true },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});
