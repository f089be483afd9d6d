import { EntitySchema } from 'typeorm';
import type { AvailabilitySlot } from '../domain/volunteer-profile.js';

export interface VolunteerEntity {
  id: string;
  /** The person in the people subgraph; one volunteer profile per person. */
  personId: string;
  /** The finest area or grid code of where the volunteer lives: scope applies to it. */
  areaCode: string;
  /** What the volunteer can do (急救, 电工...), stored as a JSON array. */
  skills: string[];
  /** Weekly slots when the volunteer is usually free, stored as a JSON array. */
  availability: AvailabilitySlot[];
  registeredAt: Date;
}

/**
 * Hours are not kept here: they are the sum of the volunteer's confirmed service records
 * (the 1764500000000 migration turned the old `confirmed_minutes` counter into OPENING records).
 */
export const Volunteer = new EntitySchema<VolunteerEntity>({
  name: 'Volunteer',
  tableName: 'volunteer',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36, unique: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    skills: { type: 'simple-json' },
    availability: { type: 'simple-json' },
    registeredAt: { name: 'registered_at', type: 'datetime' },
  },
});
