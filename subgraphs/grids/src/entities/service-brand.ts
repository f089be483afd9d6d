import { EntitySchema } from 'typeorm';
import type { ServiceBrandKind } from '../domain/enums.js';

/** A community's service brand (三义桥 "578解忧小格") or demonstration point (示范点). */
export interface ServiceBrandEntity {
  id: string;
  /** The community the brand belongs to: scope applies to it. */
  communityCode: string;
  name: string;
  kind: ServiceBrandKind;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ServiceBrand = new EntitySchema<ServiceBrandEntity>({
  name: 'ServiceBrand',
  tableName: 'service_brand',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    communityCode: { name: 'community_code', type: 'varchar', length: 12 },
    name: { type: 'varchar', length: 64 },
    kind: { type: 'varchar', length: 24 },
    description: { type: 'varchar', length: 500, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
  },
});

/** A grid a brand covers; the code beside the id lets a micro-grid find the brands of the grids around it. */
export interface ServiceBrandGridEntity {
  brandId: string;
  gridId: string;
  gridCode: string;
}

export const ServiceBrandGrid = new EntitySchema<ServiceBrandGridEntity>({
  name: 'ServiceBrandGrid',
  tableName: 'service_brand_grid',
  columns: {
    brandId: { name: 'brand_id', type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36, primary: true },
    gridCode: { name: 'grid_code', type: 'varchar', length: 18 },
  },
});
