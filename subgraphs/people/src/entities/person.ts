import { EntitySchema } from 'typeorm';
import type { DocumentType, Gender, PersonStatus, ResidencyType } from '../domain/enums.js';

export interface PersonEntity {
  id: string;
  name: string;
  documentType: DocumentType;
  /** The document number (18 characters for an ID card, GB 11643); unique, so one person has one record. */
  idNumber: string;
  /** Derived from an ID card number; as registered for other documents. */
  gender: Gender;
  /** YYYY-MM-DD, derived from an ID card number; as registered for other documents. */
  birthDate: string;
  phone: string | null;
  residencyType: ResidencyType;
  /** YYYY-MM-DD */
  residencySince: string | null;
  /** YYYY-MM-DD */
  residencyUntil: string | null;
  gridId: string;
  /** The code of the grid the person lives in: scope applies to it. */
  areaCode: string;
  /** The building (grids subgraph) the person lives in. */
  buildingId: string | null;
  room: string | null;
  householdId: string | null;
  /** Relation to the head of the household: 户主, 配偶, 子女... */
  householdRelation: string | null;
  status: PersonStatus;
  /** YYYY-MM-DD: since when the status holds. */
  statusSince: string | null;
  statusReason: string | null;
  registeredAt: Date;
}

export const Person = new EntitySchema<PersonEntity>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 64 },
    documentType: { name: 'document_type', type: 'varchar', length: 32, default: 'RESIDENT_ID_CARD' },
    idNumber: { name: 'id_number', type: 'varchar', length: 18, unique: true },
    gender: { type: 'varchar', length: 8 },
    birthDate: { name: 'birth_date', type: 'varchar', length: 10 },
    phone: { type: 'varchar', length: 16, nullable: true },
    residencyType: { name: 'residency_type', type: 'varchar', length: 16 },
    residencySince: { name: 'residency_since', type: 'varchar', length: 10, nullable: true },
    residencyUntil: { name: 'residency_until', type: 'varchar', length: 10, nullable: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    buildingId: { name: 'building_id', type: 'varchar', length: 36, nullable: true },
    room: { type: 'varchar', length: 32, nullable: true },
    householdId: { name: 'household_id', type: 'varchar', length: 36, nullable: true },
    householdRelation: { name: 'household_relation', type: 'varchar', length: 16, nullable: true },
    status: { type: 'varchar', length: 16, default: 'ACTIVE' },
    statusSince: { name: 'status_since', type: 'varchar', length: 10, nullable: true },
    statusReason: { name: 'status_reason', type: 'varchar', length: 255, nullable: true },
    registeredAt: { name: 'registered_at', type: 'datetime' },
  },
});
