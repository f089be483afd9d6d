import { inTransaction } from '../../../kit/src/transaction.js';
import { problem, refuse, refuseIf, type Payload, type Problem } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { distinctIds, gridSelectionProblems } from '../domain/grid-selection.js';
import {
  branchGridProblems,
  branchNotFound,
  branchRequestProblems,
  duplicateBranchName,
  secretaryProblems,
  type PersonFacts,
} from '../domain/party-branch-rules.js';
import { coveringAreaCode } from '../domain/staff-rules.js';
import { PartyBranch, PartyBranchGrid, PartyBranchMember, type PartyBranchEntity } from '../entities/party-branch.js';
import { lookUpPeople } from '../graph/people.js';
import { lockVisibleGrids, lockVisibleRow } from '../queries/locked-rows.js';
import { act } from './mutate.js';
import { branchConflict, branchesOfGrids, branchNameTaken, joinBranch, membersElsewhere } from './party-branch-rows.js';

export interface UpdateBranchRequest {
  id: string;
  name?: string | null;
  gridIds?: readonly string[] | null;
  /** Absent keeps the secretary; null leaves the post vacant. */
  secretaryId?: string | null;
}

function concurrentChange(): Problem {
  return problem('CONCURRENT_CHANGE', null, '支部刚被他人修改，请刷新后重试');
}

/**
 * Renames a branch, replaces its grids or changes its secretary. The secretary to check
 * (the new one, or the present one when the grids change) is looked up before the
 * transaction; if the branch changed secretary meanwhile, the caller is asked to retry.
 */
export function updatePartyBranch(
  context: Context,
  request: UpdateBranchRequest,
): Promise<Payload<'partyBranch', PartyBranchEntity>> {
  return act(
    context,
    'partyBranch',
    async () => {
      const secretaryGiven = request.secretaryId !== undefined;
      const gridIds = request.gridIds ? distinctIds(request.gridIds) : null;
      refuseIf(branchRequestProblems({ name: request.name ?? null, gridIds }));
      const before = await context.loaders.branchById.load(request.id);
      const toCheck = secretaryGiven
        ? (request.secretaryId ?? null)
        : gridIds
          ? (before?.secretaryPersonId ?? null)
          : null;
      const people: Map<string, PersonFacts | null> = toCheck ? await lookUpPeople(context, [toCheck]) : new Map();
      context.loaders.branchById.clear(request.id);
      return inTransaction(context.db, async (manager) => {
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
          refuseIf(
            secretaryProblems(
              facts,
              gridCodes,
              (await membersElsewhere(manager, [secretaryId], branch.id)).has(secretaryId),
            ),
          );
        }
        const name = request.name?.trim();
        if (name && name !== branch.name && (await branchNameTaken(manager, branch.communityCode, name, branch.id)))
          refuse([duplicateBranchName(name)]);
        const now = storedNow();
        const changes: Partial<PartyBranchEntity> = { updatedAt: now, secretaryPersonId: secretaryId };
        if (name) changes.name = name;
        if (gridIds) {
          changes.areaCode = coveringAreaCode(gridCodes) ?? branch.communityCode;
          await manager.delete(PartyBranchGrid, { branchId: branch.id });
          await manager.insert(
            PartyBranchGrid,
            gridIds.map((gridId, index) => ({ branchId: branch.id, gridId, gridCode: gridCodes[index] ?? '' })),
          );
        }
        await manager.update(PartyBranch, { id: branch.id }, changes);
        if (
          secretaryId &&
          !(await manager.existsBy(PartyBranchMember, { branchId: branch.id, currentPersonId: secretaryId }))
        ) {
          await joinBranch(manager, branch.id, [secretaryId], now);
        }
        return { ...branch, ...changes };
      });
    },
    branchConflict(request.name?.trim() ?? ''),
  );
}
