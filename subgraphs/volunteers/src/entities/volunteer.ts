import { EntitySchema } from 'typeorm';

export interface VolunteerEntity {
  id: string;
  /** The person in the people subgraph; one volunteer profile per person. */
  personId: string;
  /** The finest area or grid code of where the volunteer lives: scope applies to it. */
  areaCode: string;
  /**
   * Confirmed service time in whole minutes. Hours are served as minutes / 60: an integer
   * column keeps MySQL from handing decimals back as strings and sums exact.
   */
  confirmedMinutes: number;
  registeredAt: Date;
}

export const Volunteer = new EntitySchema<VolunteerEntity>({
  name: 'Volunteer',
  tableName: 'volunteer',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    personId: { name: 'person_id', type: 'varchar', length: 36, unique: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    confirmedMinutes: { name: 'confirmed_minutes', type: 'int', default: 0 },
    registeredAt: { name: 'registered_at', type: 'datetime' },
  },
});
