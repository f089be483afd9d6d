import { EntitySchema } from 'typeorm';

/** A household (户); its members are the people whose `householdId` points here. */
export interface HouseholdEntity {
  id: string;
  address: string;
  gridId: string;
  /** The grid's code: scope applies to it. */
  areaCode: string;
  /** The building (grids subgraph) the household lives in, when known. */
  buildingId: string | null;
}

export const Household = new EntitySchema<HouseholdEntity>({
  name: 'Household',
  tableName: 'household',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    address: { type: 'varchar', length: 255 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    buildingId: { name: 'building_id', type: 'varchar', length: 36, nullable: true },
  },
});
