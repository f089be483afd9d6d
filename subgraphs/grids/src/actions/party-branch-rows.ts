import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { duplicateBranchName } from '../domain/party-branch-rules.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember } from '../entities/party-branch.js';
import { uniqueViolationProblem } from './mutate.js';

/** Reads and writes the party-branch actions share, inside their transactions. */

/** Races that only a unique index catches become the user errors they stand for. */
export function branchConflict(name: string) {
  return (error: unknown): Problem =>
    uniqueViolationProblem(
      error,
      [
        {
          index: 'uq_party_branch_grid',
          columns: 'party_branch_grid.grid_id',
          problem: () => problem('GRID_HAS_BRANCH', 'gridIds', '所选网格已有网格党支部'),
        },
        {
          index: 'uq_party_branch_member_current',
          columns: 'party_branch_member.current_person_id',
          problem: () => problem('MEMBER_OF_ANOTHER_BRANCH', 'memberIds', '有党员已加入另一个网格党支部'),
        },
      ],
      () => duplicateBranchName(name),
    );
}

/** The branch each grid belongs to now. */
export async function branchesOfGrids(
  manager: EntityManager,
  gridIds: readonly string[],
): Promise<Map<string, string>> {
  const links = gridIds.length ? await manager.findBy(PartyBranchGrid, { gridId: In([...gridIds]) }) : [];
  return new Map(links.map((link) => [link.gridId, link.branchId]));
}

/** People among these who are current members of a branch other than `ownBranchId`. */
export async function membersElsewhere(
  manager: EntityManager,
  personIds: readonly string[],
  ownBranchId: string | null,
): Promise<Set<string>> {
  const current = personIds.length
    ? await manager.findBy(PartyBranchMember, { currentPersonId: In([...personIds]) })
    : [];
  return new Set(
    current.filter((membership) => membership.branchId !== ownBranchId).map((membership) => membership.personId),
  );
}

/** These people join the branch now. */
export function joinBranch(manager: EntityManager, branchId: string, personIds: readonly string[], at: Date) {
  if (!personIds.length) return Promise.resolve();
  return manager.insert(
    PartyBranchMember,
    personIds.map((personId) => ({
      id: randomUUID(),
      branchId,
      personId,
      joinedAt: at,
      leftAt: null,
      currentPersonId: personId,
    })),
  );
}

export async function branchNameTaken(
  manager: EntityManager,
  communityCode: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const found = await manager.findOneBy(PartyBranch, { communityCode, name });
  return found !== null && found.id !== exceptId;
}
