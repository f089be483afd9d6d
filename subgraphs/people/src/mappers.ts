import type { Connection } from '../../kit/src/connection.js';
import type { PersonEntity } from './entities/person.js';
import type { PiiAccessLogEntity } from './entities/pii-access-log.js';
import type { UserError } from '../../kit/src/errors.js';

export type PersonConnectionModel = Connection<PersonEntity>;
export type PiiAccessLogConnectionModel = Connection<PiiAccessLogEntity>;

export interface HouseholdMemberModel {
  person: PersonEntity;
  relation: string;
}

/** A Grid as the grids subgraph owns it: its keys alone (a person stores both). */
export interface GridReference {
  id: string;
  code: string;
}

/** A Building as the grids subgraph owns it. */
export interface BuildingReference {
  id: string;
}

/** An Area as the grids subgraph owns it. */
export interface AreaReference {
  code: string;
}

export interface PersonImportResultModel {
  rowNumber: number;
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
  person: PersonEntity | null;
  userErrors: UserError[];
}
