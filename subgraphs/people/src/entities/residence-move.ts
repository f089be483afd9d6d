import { EntitySchema } from 'typeorm';
import type { MoveKind } from '../domain/moves.js';

/** One recorded move of a resident: where from, where to (or out of the register), when, why. */
export interface ResidenceMoveEntity {
  id: string;
  personId: string;
  /** Where the person lives after the move, or lived before leaving: scope applies to it. */
  areaCode: string;
  kind: MoveKind;
  /** YYYY-MM-DD */
  movedOn: string;
  fromGridId: string | null;
  fromAreaCode: string | null;
  fromBuildingId: string | null;
  fromRoom: string | null;
  toGridId: string | null;
  toAreaCode: string | null;
  toBuildingId: string | null;
  toRoom: string | null;
  leftFor: string | null;
  reason: string | null;
  /** The token subject of who recorded it. */
  recordedBy: string;
  recordedAt: Date;
}

export const ResidenceMove = new EntitySchema<ResidenceMoveEntity>({
  name: 'ResidenceMove',
  tableName: 'residence_move',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    kind: { type: 'varchar', length: 16 },
    movedOn: { name: 'moved_on', type: 'varchar', length: 10 },
    fromGridId: { name: 'from_grid_id', type: 'varchar', length: 36, nullable: true },
    fromAreaCode: { name: 'from_area_code', type: 'varchar', length: 18, nullable: true },
    fromBuildingId: { name: 'from_building_id', type: 'varchar', length: 36, nullable: true },
    fromRoom: { name: 'from_room', type: 'varchar', length: 32, nullable: true },
    toGridId: { name: 'to_grid_id', type: 'varchar', length: 36, nullable: true },
    toAreaCode: { name: 'to_area_code', type: 'varchar', length: 18, nullable: true },
    toBuildingId: { name: 'to_building_id', type: 'varchar', length: 36, nullable: true },
    toRoom: { name: 'to_room', type: 'varchar', length: 32, nullable: true },
    leftFor: { name: 'left_for', type: 'varchar', length: 255, nullable: true },
    reason: { type: 'varchar', length: 255, nullable: true },
    recordedBy: { name: 'recorded_by', type: 'varchar', length: 128 },
    recordedAt: { name: 'recorded_at', type: 'datetime' },
  },
});
