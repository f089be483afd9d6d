import { randomUUID } from 'node:crypto';
import { inTransaction } from '../../../kit/src/transaction.js';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { distinctIds, gridSelectionProblems } from '../domain/grid-selection.js';
import {
  branchGridProblems,
  branchRequestProblems,
  duplicateBranchName,
  joiningMemberProblems,
  secretaryProblems,
} from '../domain/party-branch-rules.js';
import { coveringAreaCode } from '../domain/staff-rules.js';
import { PartyBranch, PartyBranchGrid, type PartyBranchEntity } from '../entities/party-branch.js';
import { lookUpPeople } from '../graph/people.js';
import { lockVisibleGrids } from '../queries/locked-rows.js';
import { act } from './mutate.js';
import { branchConflict, branchesOfGrids, branchNameTaken, joinBranch, membersElsewhere } from './party-branch-rows.js';

export interface CreateBranchRequest {
  name: string;
  gridIds: readonly string[];
  secretaryId?: string | null;
  memberIds?: readonly string[] | null;
}

/**
 * Sets up a branch over general grids of one community. People are checked through the
 * graph before the transaction opens: no network call holds a lock.
 */
export function createPartyBranch(
  context: Context,
  request: CreateBranchRequest,
): Promise<Payload<'partyBranch', PartyBranchEntity>> {
  const name = request.name.trim();
  return act(
    context,
    'partyBranch',
    async () => {
      const gridIds = distinctIds(request.gridIds);
      const memberIds = distinctIds(request.memberIds ?? []);
      const secretaryId = request.secretaryId ?? null;
      refuseIf(branchRequestProblems({ name, gridIds, memberIds }));
      const people = await lookUpPeople(context, secretaryId ? [...memberIds, secretaryId] : memberIds);
      return inTransaction(context.db, async (manager) => {
        const grids = await lockVisibleGrids(context, manager, gridIds);
        const selection = gridSelectionProblems(gridIds, grids, null);
        refuseIf(selection.problems);
        const communityCode = selection.communityCode ?? '';
        refuseIf(branchGridProblems(gridIds, grids, await branchesOfGrids(manager, gridIds), null));
        if (await branchNameTaken(manager, communityCode, name, null)) refuse([duplicateBranchName(name)]);
        const gridCodes = gridIds.map((id) => grids.get(id)?.code ?? '');
        const elsewhere = await membersElsewhere(manager, secretaryId ? [...memberIds, secretaryId] : memberIds, null);
        refuseIf([
          ...(secretaryId ? secretaryProblems(people.get(secretaryId), gridCodes, elsewhere.has(secretaryId)) : []),
          ...joiningMemberProblems(memberIds, new Set(memberIds), people, communityCode, elsewhere),
        ]);
        const now = storedNow();
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
        await manager.insert(
          PartyBranchGrid,
          gridIds.map((gridId, index) => ({ branchId: branch.id, gridId, gridCode: gridCodes[index] ?? '' })),
        );
        await joinBranch(
          manager,
          branch.id,
          secretaryId && !memberIds.includes(secretaryId) ? [secretaryId, ...memberIds] : memberIds,
          now,
        );
        return branch;
      });
    },
    branchConflict(name),
  );
}
