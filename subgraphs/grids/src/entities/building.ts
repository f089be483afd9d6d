import { EntitySchema } from 'typeorm';
import type { CoordinateSystem } from '../domain/geometry.js';

export interface BuildingEntity {
  id: string;
  /** The micro-grid the building is in. */
  gridId: string;
  /** The micro-grid's code: scope applies to it. */
  areaCode: string;
  name: string;
  address: string;
  units: number;
  floors: number;
  householdCount: number;
  lng: number | null;
  lat: number | null;
  locationCrs: CoordinateSystem | null;
  createdAt: Date;
}

export const Building = new EntitySchema<BuildingEntity>({
  name: 'Building',
  tableName: 'building',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    name: { type: 'varchar', length: 64 },
    address: { type: 'varchar', length: 200 },
    units: { type: 'int' },
    floors: { type: 'int' },
    householdCount: { name: 'household_count', type: 'int' },
    lng: { type: 'double', nullable: true },
    lat: { type: 'double', nullable: true },
    locationCrs: { name: 'location_crs', type: 'varchar', length: 8, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});
