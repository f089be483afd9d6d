/** The register's enumerations, as the schema and the tables spell them. */
export type Gender = 'MALE' | 'FEMALE';
export type ResidencyType = 'REGISTERED' | 'PERMANENT' | 'FLOATING';
export type PersonStatus = 'ACTIVE' | 'MOVED_OUT' | 'DECEASED';
export type DocumentType =
  | 'RESIDENT_ID_CARD'
  | 'PASSPORT'
  | 'HK_MACAO_PERMIT'
  | 'TAIWAN_PERMIT'
  | 'FOREIGN_PERMANENT_RESIDENT_CARD';
