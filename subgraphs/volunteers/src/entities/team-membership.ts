import { EntitySchema } from 'typeorm';

export type MembershipRole = 'LEADER' | 'MEMBER';

/** A volunteer's membership of a team. Leaving keeps the row (leftAt set): history stays. */
export interface TeamMembershipEntity {
  teamId: string;
  volunteerId: string;
  role: MembershipRole;
  joinedAt: Date;
  leftAt: Date | null;
}

export const TeamMembership = new EntitySchema<TeamMembershipEntity>({
  name: 'TeamMembership',
  tableName: 'team_membership',
  columns: {
    teamId: { name: 'team_id', type: 'varchar', length: 36, primary: true },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36, primary: true },
    role: { type: 'varchar', length: 16 },
    joinedAt: { name: 'joined_at', type: 'datetime' },
    leftAt: { name: 'left_at', type: 'datetime', nullable: true },
  },
});
