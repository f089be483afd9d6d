import { EntitySchema } from 'typeorm';

export type Gender = 'MALE' | 'FEMALE';
export type ResidencyType = 'REGISTERED' | 'PERMANENT' | 'FLOATING';
export type PersonStatus = 'ACTIVE' | 'MOVED_OUT' | 'DECEASED';

export interface PersonEntity {
  id: string;
  name: string;
  /** 18 characters, GB 11643; unique, so one person has one record. */
  idNumber: string;
  /** Derived from the ID number. */
  gender: Gender;
  /** YYYY-MM-DD, derived from the ID number. */
  birthDate: string;
  phone: string | null;
  residencyType: ResidencyType;
  gridId: string;
  /** The code of the grid the person lives in: scope applies to it. */
  areaCode: string;
  householdId: string | null;
  /** Relation to the head of the household: 户主, 配偶, 子女... */
  householdRelation: string | null;
  status: PersonStatus;
  registeredAt: Date;
}

export const Person = new EntitySchema<PersonEntity>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 64 },
    idNumber: { name: 'id_number', type: 'varchar', length: 18, unique: true },
    gender: { type: 'varchar', length: 8 },
    birthDate: { name: 'birth_date', type: 'varchar', length: 10 },
    phone: { type: 'varchar', length: 16, nullable: true },
    residencyType: { name: 'residency_type', type: 'varchar', length: 16 },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    householdId: { name: 'household_id', type: 'varchar', length: 36, nullable: true },
    householdRelation: { name: 'household_relation', type: 'varchar', length: 16, nullable: true },
    status: { type: 'varchar', length: 16, default: 'ACTIVE' },
    registeredAt: { name: 'registered_at', type: 'datetime' },
  },
});
