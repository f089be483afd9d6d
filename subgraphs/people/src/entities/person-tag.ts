import { EntitySchema } from 'typeorm';
import type { OccupationCode } from '../domain/occupations.js';

/**
 * A special-group tag held for a while: `until` is null while it holds, so closing a tag
 * keeps its history.
 */
export interface PersonTagEntity {
  id: string;
  personId: string;
  /** A code of the tag catalogue (`tag_definition`), e.g. EMPTY_NEST_ELDER. */
  code: string;
  /** The person's area code, so counts by tag and area need no join. */
  areaCode: string;
  since: Date;
  until: Date | null;
  /** For 新就业形态劳动者: delivery rider, courier... */
  occupation: OccupationCode | null;
}

export const PersonTag = new EntitySchema<PersonTagEntity>({
  name: 'PersonTag',
  tableName: 'person_tag',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    code: { type: 'varchar', length: 32 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    since: { type: 'datetime' },
    until: { type: 'datetime', nullable: true },
    occupation: { type: 'varchar', length: 32, nullable: true },
  },
});
