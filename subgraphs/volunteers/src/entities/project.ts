import { EntitySchema } from 'typeorm';
import type { ProjectStatus } from '../domain/project-status.js';

/** A 家园共筑 project: a public-interest project a community approves and volunteers carry out. */
export interface ProjectEntity {
  id: string;
  /** The community (12 digits) it is for: scope and `Area.projects` apply to it. */
  areaCode: string;
  title: string;
  plan: string;
  /** Budget in fen (分): integers only, so sums stay exact. */
  budgetFen: number;
  neededVolunteers: number;
  skills: string[];
  status: ProjectStatus;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** Exactly one of the two is set once claimed. */
  claimedByTeamId: string | null;
  claimedByVolunteerId: string | null;
  claimedAt: Date | null;
  startedAt: Date | null;
  closedAt: Date | null;
  result: string | null;
}

export const Project = new EntitySchema<ProjectEntity>({
  name: 'Project',
  tableName: 'project',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    title: { type: 'varchar', length: 128 },
    plan: { type: 'varchar', length: 2000 },
    budgetFen: {
      name: 'budget_fen',
      type: 'bigint',
      transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
    },
    neededVolunteers: { name: 'needed_volunteers', type: 'int' },
    skills: { type: 'simple-json' },
    status: { type: 'varchar', length: 16 },
    proposedBy: { name: 'proposed_by', type: 'varchar', length: 128 },
    proposedAt: { name: 'proposed_at', type: 'datetime' },
    decidedBy: { name: 'decided_by', type: 'varchar', length: 128, nullable: true },
    decidedAt: { name: 'decided_at', type: 'datetime', nullable: true },
    decisionReason: { name: 'decision_reason', type: 'varchar', length: 200, nullable: true },
    claimedByTeamId: { name: 'claimed_by_team_id', type: 'varchar', length: 36, nullable: true },
    claimedByVolunteerId: { name: 'claimed_by_volunteer_id', type: 'varchar', length: 36, nullable: true },
    claimedAt: { name: 'claimed_at', type: 'datetime', nullable: true },
    startedAt: { name: 'started_at', type: 'datetime', nullable: true },
    closedAt: { name: 'closed_at', type: 'datetime', nullable: true },
    result: { type: 'varchar', length: 1000, nullable: true },
  },
});
