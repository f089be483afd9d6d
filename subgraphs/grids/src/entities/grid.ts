import { EntitySchema } from 'typeorm';

export type GridType = 'COMMUNITY_TOTAL' | 'GENERAL' | 'MICRO' | 'DEDICATED';
export type GridStatus = 'ACTIVE' | 'RETIRED';

export interface GridEntity {
  id: string;
  /** Extends the community code; also the area code that scope applies to. */
  code: string;
  name: string;
  type: GridType;
  status: GridStatus;
  parentId: string | null;
  communityCode: string;
  dedicatedTo: string | null;
  createdAt: Date;
  retiredAt: Date | null;
}

export const Grid = new EntitySchema<GridEntity>({
  name: 'Grid',
  tableName: 'grid',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    code: { type: 'varchar', length: 18, unique: true },
    name: { type: 'varchar', length: 64 },
    type: { type: 'varchar', length: 16 },
    status: { type: 'varchar', length: 16, default: 'ACTIVE' },
    parentId: { name: 'parent_id', type: 'varchar', length: 36, nullable: true },
    communityCode: { name: 'community_code', type: 'varchar', length: 12 },
    dedicatedTo: { name: 'dedicated_to', type: 'varchar', length: 128, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
    retiredAt: { name: 'retired_at', type: 'datetime', nullable: true },
  },
});
