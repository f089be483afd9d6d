import { EntitySchema } from 'typeorm';

/** A reward of a community's or street's love supermarket (爱心超市) catalogue. */
export interface RewardEntity {
  id: string;
  name: string;
  description: string | null;
  /** The community or street whose catalogue it is in: visible there and below. */
  areaCode: string;
  pointsCost: number;
  /** Taken by a conditional UPDATE (`stock >= quantity`), so it never goes below zero. */
  stock: number;
  active: boolean;
  createdAt: Date;
}

export const Reward = new EntitySchema<RewardEntity>({
  name: 'Reward',
  tableName: 'reward',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 64 },
    description: { type: 'varchar', length: 200, nullable: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    pointsCost: { name: 'points_cost', type: 'int' },
    stock: { type: 'int' },
    active: { type: 'boolean', default: true },
    createdAt: { name: 'created_at', type: 'datetime' },
  },
});
