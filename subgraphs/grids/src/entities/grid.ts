import { EntitySchema } from 'typeorm';
import type { DedicatedKind, GridStatus, GridType } from '../domain/enums.js';
import type { CoordinateSystem, GridGeometry } from '../domain/geometry.js';

export interface GridEntity {
  id: string;
  /** Extends the community code; also the area code that scope applies to. */
  code: string;
  name: string;
  type: GridType;
  status: GridStatus;
  /** A micro-grid's general grid; null for grids that sit directly in their community. */
  parentId: string | null;
  communityCode: string;
  dedicatedTo: string | null;
  dedicatedKind: DedicatedKind | null;
  /**
   * The boundary as drawn, in `boundaryCrs`. Not selected by default: a page of grids
   * should not drag its polygons along. Queries that need it add it (`withBoundary`).
   */
  boundary?: GridGeometry | null;
  boundaryCrs: CoordinateSystem | null;
  /** The boundary's box in GCJ-02, whatever it was drawn in: the SQL prefilter of `locateGrid`. */
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
  createdAt: Date;
  retiredAt: Date | null;
}

const geometryJson = {
  to: (value: GridGeometry | null | undefined) => (value ? JSON.stringify(value) : null),
  from: (value: string | null) => (value ? (JSON.parse(value) as GridGeometry) : null),
};

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
    dedicatedKind: { name: 'dedicated_kind', type: 'varchar', length: 16, nullable: true },
    boundary: { type: 'text', nullable: true, select: false, transformer: geometryJson },
    boundaryCrs: { name: 'boundary_crs', type: 'varchar', length: 8, nullable: true },
    minLng: { name: 'min_lng', type: 'double', nullable: true },
    minLat: { name: 'min_lat', type: 'double', nullable: true },
    maxLng: { name: 'max_lng', type: 'double', nullable: true },
    maxLat: { name: 'max_lat', type: 'double', nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
    retiredAt: { name: 'retired_at', type: 'datetime', nullable: true },
  },
});
