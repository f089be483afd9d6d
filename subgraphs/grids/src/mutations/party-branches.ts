import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { requirePermission } from '../../../kit/src/auth.js';
import type { Context } from '../context.js';
import { distinctIds, gridSelectionProblems } from '../domain/grid-selection.js';
import {
  branchGridProblems,
  branchNotFound,
  branchRequestProblems,
  duplicateBranchName,
  joiningMemberProblems,
  secretaryNotInMembers,
  secretaryProblems,
  type PersonFacts,
} from '../domain/party-branch-rules.js';
import { problem, type Problem } from '../domain/problems.js';
import { coveringAreaCode } from '../domain/staff-rules.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember, type PartyBranchEntity } from '../entities/party-branch.js';
import { lockVisibleGrids, lockVisibleRow } from './grid-facts.js';
import { mutate, refuse, refused, refuseIf, uniqueViolationProblem, wholeSeconds, type Outcome } from './mutate.js';
import { lookUpPeople } from './people-facts.js';

export interface CreateBranchRequest {
  name: string;
  gridIds: readonly string[];
  secretaryId?: string | null;
  memberIds?: readonly string[] | null;
}

export interface UpdateBranchRequest {
  id: string;
  name?: string | null;
  gridIds?: readonly string[] | null;
  /** Absent keeps the secretary; null leaves the post vacant. */
  secretaryId?: string | null;
}

/** Races that only a unique index catches become the user errors they stand for. */
function branchConflict(name: string) {
  return (error: unknown): Problem =>
    uniqueViolationProblem(
      error,
      [
        { index: 'uq_party_branch_grid', columns: 'party_branch_grid.grid_id', problem: () => problem('GRID_HAS_BRANCH', 'gridIds', '所选网格已有网格党支部') },
        { index: 'uq_party_branch_member_current', columns: 'party_branch_member.current_person_id', problem: () => problem('MEMBER_OF_ANOTHER_BRANCH', 'memberIds', '有党员已加入另一个网格党支部') },
      ],
      () => duplicateBranchName(name),
    );
}

/** The branch each grid belongs to now. */
async function branchesOfGrids(manager: EntityManager, gridIds: readonly string[]): Promise<Map<string, string>> {
  const links = gridIds.length ? await manager.findBy(PartyBranchGrid, { gridId: In([...gridIds]) }) : [];
  return new Map(links.map((link) => [link.gridId, link.branchId]));
}

/** People among these who are current members of a branch other than `ownBranchId`. */
async function membersElsewhere(manager: EntityManager, personIds: readonly string[], ownBranchId: string | null): Promise<Set<string>> {
  const current = personIds.length ? await manager.findBy(PartyBranchMember, { currentPersonId: In([...personIds]) }) : [];
  return new Set(current.filter((membership) => membership.branchId !== ownBranchId).map((membership) => membership.personId));
}

function join(manager: EntityManager, branchId: string, personIds: readonly string[], at: Date) {
  if (!personIds.length) return Promise.resolve();
  return manager.insert(
    PartyBranchMember,
    personIds.map((personId) => ({ id: randomUUID(), branchId, personId, joinedAt: at, leftAt: null, currentPersonId: personId })),
  );
}

async function nameTaken(manager: EntityManager, communityCode: string, name: string, exceptId: string | null): Promise<boolean> {
  const found = await manager.findOneBy(PartyBranch, { communityCode, name });
  return found !== null && found.id !== exceptId;
}

/**
 * Sets up a branch over general grids of one community. People are checked through the
 * graph before the transaction opens: no network call holds a lock.
 */
export async function createPartyBranch(context: Context, request: CreateBranchRequest): Promise<Outcome<PartyBranchEntity>> {
  requirePermission(context.viewer, 'grid:write');
  const name = request.name.trim();
  const gridIds = distinctIds(request.gridIds);
  const memberIds = distinctIds(request.memberIds ?? []);
  const secretaryId = request.secretaryId ?? null;
  const own = branchRequestProblems({ name, gridIds, memberIds });
  if (own.length) return refused(own);
  const people = await lookUpPeople(context, secretaryId ? [...memberIds, secretaryId] : memberIds);
  return mutate(
    context,
    async (manager) => {
      const grids = await lockVisibleGrids(context, manager, gridIds);
      const selection = gridSelectionProblems(gridIds, grids, null);
      refuseIf(selection.problems);
      const communityCode = selection.communityCode ?? '';
      refuseIf(branchGridProblems(gridIds, grids, await branchesOfGrids(manager, gridIds), null));
      if (await nameTaken(manager, communityCode, name, null)) refuse([duplicateBranchName(name)]);
      const gridCodes = gridIds.map((id) => grids.get(id)?.code ?? '');
      const elsewhere = await membersElsewhere(manager, secretaryId ? [...memberIds, secretaryId] : memberIds, null);
      refuseIf([
        ...(secretaryId ? secretaryProblems(people.get(secretaryId), gridCodes, elsewhere.has(secretaryId)) : []),
        ...joiningMemberProblems(memberIds, new Set(memberIds), people, communityCode, elsewhere),
      ]);
      const now = wholeSeconds();
      const branch: PartyBranchEntity = {
        id: randomUUID(),
        name,
        communityCode,
        areaCode: coveringAreaCode(gridCodes) ?? communityCode,
        secretaryPersonId: secretaryId,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(PartyBranch, branch);
      await manager.insert(PartyBranchGrid, gridIds.map((gridId, index) => ({ branchId: branch.id, gridId, gridCode: gridCodes[index] ?? '' })));
      await join(manager, branch.id, secretaryId && !memberIds.includes(secretaryId) ? [secretaryId, ...memberIds] : memberIds, now);
      return branch;
    },
    branchConflict(name),
  );
}

function concurrentChange(): Problem {
  return problem('CONCURRENT_CHANGE', null, '支部刚被他人修改，请刷新后重试');
}

/**
 * Renames a branch, replaces its grids or changes its secretary. The secretary to check
 * (the new one, or the present one when the grids change) is looked up before the
 * transaction; if the branch changed secretary meanwhile, the caller is asked to retry.
 */
export async function updatePartyBranch(context: Context, request: UpdateBranchRequest): Promise<Outcome<PartyBranchEntity>> {
  requirePermission(context.viewer, 'grid:write');
  const secretaryGiven = request.secretaryId !== undefined;
  const gridIds = request.gridIds ? distinctIds(request.gridIds) : null;
  const own = branchRequestProblems({ name: request.name ?? null, gridIds });
  if (own.length) return refused(own);
  const before = await context.loaders.branchById.load(request.id);
  const toCheck = secretaryGiven ? (request.secretaryId ?? null) : gridIds ? (before?.secretaryPersonId ?? null) : null;
  const people: Map<string, PersonFacts | null> = toCheck ? await lookUpPeople(context, [toCheck]) : new Map();
  context.loaders.branchById.clear(request.id);
  return mutate(
    context,
    async (manager) => {
      const branch = await lockVisibleRow(context, manager, PartyBranch, request.id, (branch) => branch.areaCode);
      if (!branch) refuse([branchNotFound()]);
      const links = await manager.findBy(PartyBranchGrid, { branchId: branch.id });
      let gridCodes = links.map((link) => link.gridCode);
      if (gridIds) {
        const grids = await lockVisibleGrids(context, manager, gridIds);
        refuseIf(gridSelectionProblems(gridIds, grids, branch.communityCode).problems);
        refuseIf(branchGridProblems(gridIds, grids, await branchesOfGrids(manager, gridIds), branch.id));
        gridCodes = gridIds.map((id) => grids.get(id)?.code ?? '');
      }
      const secretaryId = secretaryGiven ? (request.secretaryId ?? null) : branch.secretaryPersonId;
      if (secretaryId && (secretaryGiven || gridIds)) {
        const facts = people.get(secretaryId);
        if (facts === undefined) refuse([concurrentChange()]);
        refuseIf(secretaryProblems(facts, gridCodes, (await membersElsewhere(manager, [secretaryId], branch.id)).has(secretaryId)));
      }
      const name = request.name?.trim();
      if (name && name !== branch.name && (await nameTaken(manager, branch.communityCode, name, branch.id))) refuse([duplicateBranchName(name)]);
      const now = wholeSeconds();
      const changes: Partial<PartyBranchEntity> = { updatedAt: now, secretaryPersonId: secretaryId };
      if (name) changes.name = name;
      if (gridIds) {
        changes.areaCode = coveringAreaCode(gridCodes) ?? branch.communityCode;
        await manager.delete(PartyBranchGrid, { branchId: branch.id });
        await manager.insert(PartyBranchGrid, gridIds.map((gridId, index) => ({ branchId: branch.id, gridId, gridCode: gridCodes[index] ?? '' })));
      }
      await manager.update(PartyBranch, { id: branch.id }, changes);
      if (secretaryId && !(await manager.existsBy(PartyBranchMember, { branchId: branch.id, currentPersonId: secretaryId }))) {
        await join(manager, branch.id, [secretaryId], now);
      }
      return { ...branch, ...changes };
    },
    branchConflict(request.name?.trim() ?? ''),
  );
}

/** Replaces a branch's members: those not listed leave (kept as history), new ones join. */
export async function setPartyBranchMembers(context: Context, request: { branchId: string; memberIds: readonly string[] }): Promise<Outcome<PartyBranchEntity>> {
  requirePermission(context.viewer, 'grid:write');
  const memberIds = distinctIds(request.memberIds);
  const own = branchRequestProblems({ memberIds });
  if (own.length) return refused(own);
  const people = await lookUpPeople(context, memberIds);
  return mutate(
    context,
    async (manager) => {
      const branch = await lockVisibleRow(context, manager, PartyBranch, request.branchId, (branch) => branch.areaCode);
      if (!branch) refuse([branchNotFound('branchId')]);
      if (branch.secretaryPersonId && !memberIds.includes(branch.secretaryPersonId)) refuse([secretaryNotInMembers()]);
      const current = await manager.findBy(PartyBranchMember, { branchId: branch.id, leftAt: IsNull() });
      const currentIds = new Set(current.map((membership) => membership.personId));
      const joining = memberIds.filter((id) => !currentIds.has(id));
      refuseIf(joiningMemberProblems(memberIds, new Set(joining), people, branch.communityCode, await membersElsewhere(manager, joining, branch.id)));
      const now = wholeSeconds();
      const leaving = current.filter((membership) => !memberIds.includes(membership.personId)).map((membership) => membership.id);
      if (leaving.length) await manager.update(PartyBranchMember, { id: In(leaving) }, { leftAt: now, currentPersonId: null });
      await join(manager, branch.id, joining, now);
      await manager.update(PartyBranch, { id: branch.id }, { updatedAt: now });
      return { ...branch, updatedAt: now };
    },
    branchConflict(''),
  );
}
