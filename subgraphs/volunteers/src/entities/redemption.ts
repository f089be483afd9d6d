import { EntitySchema } from 'typeorm';
import type { RedemptionStatus } from '../domain/redemption.js';

export interface RedemptionEntity {
  id: string;
  rewardId: string;
  volunteerId: string;
  /** The volunteer's area code: redemptions are read inside the viewer's scope. */
  areaCode: string;
  /** The reward's catalogue area: its workers read and hand over its redemptions too. */
  rewardAreaCode: string;
  quantity: number;
  pointsSpent: number;
  status: RedemptionStatus;
  /** Unique per volunteer: a retried request finds the first result. */
  idempotencyKey: string;
  redeemedAt: Date;
  redeemedBy: string;
  pickedUpAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export const Redemption = new EntitySchema<RedemptionEntity>({
  name: 'Redemption',
  tableName: 'redemption',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    rewardId: { name: 'reward_id', type: 'varchar', length: 36 },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    rewardAreaCode: { name: 'reward_area_code', type: 'varchar', length: 18 },
    quantity: { type: 'int' },
    pointsSpent: { name: 'points_spent', type: 'int' },
    status: { type: 'varchar', length: 16 },
    idempotencyKey: { name: 'idempotency_key', type: 'varchar', length: 64 },
    redeemedAt: { name: 'redeemed_at', type: 'datetime' },
    redeemedBy: { name: 'redeemed_by', type: 'varchar', length: 128 },
    pickedUpAt: { name: 'picked_up_at', type: 'datetime', nullable: true },
    cancelledAt: { name: 'cancelled_at', type: 'datetime', nullable: true },
    cancelReason: { name: 'cancel_reason', type: 'varchar', length: 200, nullable: true },
  },
});
