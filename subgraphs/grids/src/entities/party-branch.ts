import { EntitySchema } from 'typeorm';

/** A grid party branch (网格党支部) over one or more general grids of one community. */
export interface PartyBranchEntity {
  id: string;
  name: string;
  communityCode: string;
  /** The finest code covering every grid of the branch: scope applies to it. */
  areaCode: string;
  /** The secretary (书记), a person of the people subgraph; null while the post is vacant. */
  secretaryPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PartyBranch = new EntitySchema<PartyBranchEntity>({
  name: 'PartyBranch',
  tableName: 'party_branch',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 64 },
    communityCode: { name: 'community_code', type: 'varchar', length: 12 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    secretaryPersonId: { name: 'secretary_person_id', type: 'varchar', length: 36, nullable: true },
    createdAt: { name: 'created_at', type: 'datetime' },
    updatedAt: { name: 'updated_at', type: 'datetime' },
  },
});

/**
 * A grid of a branch. A unique index on the grid lets the database refuse a grid in two
 * branches, even when two requests race. The code is kept beside the id (codes never
 * change) so `Grid.partyBranch` of a micro-grid finds its general grid's branch by code.
 */
export interface PartyBranchGridEntity {
  branchId: string;
  gridId: string;
  gridCode: string;
}

export const PartyBranchGrid = new EntitySchema<PartyBranchGridEntity>({
  name: 'PartyBranchGrid',
  tableName: 'party_branch_grid',
  columns: {
    branchId: { name: 'branch_id', type: 'varchar', length: 36, primary: true },
    gridId: { name: 'grid_id', type: 'varchar', length: 36, primary: true },
    gridCode: { name: 'grid_code', type: 'varchar', length: 18 },
  },
});

/** A party member's membership of a branch, from joining to leaving (null while current). */
export interface PartyBranchMemberEntity {
  id: string;
  branchId: string;
  personId: string;
  joinedAt: Date;
  leftAt: Date | null;
  /**
   * The person's id while the membership is current, else null. A member belongs to one
   * branch at a time; a unique index on this column makes the database hold that rule.
   */
  currentPersonId: string | null;
}

export const PartyBranchMember = new EntitySchema<PartyBranchMemberEntity>({
  name: 'PartyBranchMember',
  tableName: 'party_branch_member',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    branchId: { name: 'branch_id', type: 'varchar', length: 36 },
    personId: { name: 'person_id', type: 'varchar', length: 36 },
    joinedAt: { name: 'joined_at', type: 'datetime' },
    leftAt: { name: 'left_at', type: 'datetime', nullable: true },
    currentPersonId: { name: 'current_person_id', type: 'varchar', length: 36, nullable: true },
  },
});
