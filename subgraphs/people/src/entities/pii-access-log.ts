import { EntitySchema } from 'typeorm';

/** One unmasked read (PIPL): who read which fields of whom, when, and why. */
export interface PiiAccessLogEntity {
  id: string;
  /** The token subject. */
  viewerSubject: string;
  /** The token's roles, comma-separated. */
  viewerRoles: string;
  personId: string;
  /** The person's area code at the time of the read: auditors see reads inside their scope. */
  areaCode: string;
  /** The fields read in full, comma-separated: idNumber, phone, birthDate. */
  fields: string;
  /**
   * The purpose code of the catalogue (VISIT_CARE...), SELF_ACCESS for a self-access; rows
   * logged before the catalogue hold the free text declared then.
   */
  purpose: string;
  /** The note declared with the purpose (a case number, the household visited), if any. */
  note: string | null;
  /**
   * The person read their own record (the token's `personId`): no permission or declared
   * purpose was needed, and auditors tell it apart from a worker's read of someone else.
   */
  selfAccess: boolean;
  accessedAt: Date;
}

export const PiiAccessLog = new EntitySchema<PiiAccessLogEntity>({
  name: 'PiiAccessLog',
  tableName: 'pii_access_log',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    viewerSubject: { name: 'viewer_subject', type: 'varchar', length: 128 },
    viewerRoles: { name: 'viewer_roles', type: 'varchar', length: 128 },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    fields: { type: 'varchar', length: 64 },
    purpose: { type: 'varchar', length: 200 },
    note: { type: 'varchar', length: 200, nullable: true },
    selfAccess: { name: 'self_access', type: 'boolean', default: false },
    accessedAt: { name: 'accessed_at', type: 'datetime' },
  },
});
