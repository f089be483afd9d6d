import type { Connection } from '../../kit/src/connection.js';
import type { PersonEntity } from './entities/person.js';

export type PersonConnectionModel = Connection<PersonEntity>;

export interface HouseholdMemberModel {
  person: PersonEntity;
  relation: string;
}

/** A Grid as the grids subgraph owns it: its keys alone (a person stores both). */
export interface GridReference {
  id: string;
  code: string;
}
