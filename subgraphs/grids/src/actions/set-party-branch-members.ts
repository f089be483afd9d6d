import { In, IsNull } from 'typeorm';
import { inTransaction } from '../../../kit/src/transaction.js';
import { refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { distinctIds } from '../domain/grid-selection.js';
import {
  branchNotFound,
  branchRequestProblems,
  joiningMemberProblems,
  secretaryNotInMembers,
} from '../domain/party-branch-rules.js';
import { PartyBranch, PartyBranchMember, type PartyBranchEntity } from '../entities/party-branch.js';
import { lookUpPeople } from '../graph/people.js';
import { lockVisibleRow } from '../queries/locked-rows.js';
import { act } from './mutate.js';
import { branchConflict, joinBranch, membersElsewhere } from './party-branch-rows.js';

/** Replaces a branch's members: those not listed leave (kept as history), new ones join. */
export function setPartyBranchMembers(
  context: Context,
  request: { branchId: string; memberIds: readonly string[] },
): Promise<Payload<'partyBranch', PartyBranchEntity>> {
  return act(
    context,
    'partyBranch',
    async () => {
      const memberIds = distinctIds(request.memberIds);
      refuseIf(branchRequestProblems({ memberIds }));
      const people = await lookUpPeople(context, memberIds);
      return inTransaction(context.db, async (manager) => {
        const branch = await lockVisibleRow(
          context,
          manager,
          PartyBranch,
          request.branchId,
          (branch) => branch.areaCode,
        );
        if (!branch) refuse([branchNotFound('branchId')]);
        if (branch.secretaryPersonId && !memberIds.includes(branch.secretaryPersonId))
          refuse([secretaryNotInMembers()]);
        const current = await manager.findBy(PartyBranchMember, { branchId: branch.id, leftAt: IsNull() });
        const currentIds = new Set(current.map((membership) => membership.personId));
        const joining = memberIds.filter((id) => !currentIds.has(id));
        refuseIf(
          joiningMemberProblems(
            memberIds,
            new Set(joining),
            people,
            branch.communityCode,
            await membersElsewhere(manager, joining, branch.id),
          ),
        );
        const now = storedNow();
        const leaving = current
          .filter((membership) => !memberIds.includes(membership.personId))
          .map((membership) => membership.id);
        if (leaving.length)
          await manager.update(PartyBranchMember, { id: In(leaving) }, { leftAt: now, currentPersonId: null });
        await joinBranch(manager, branch.id, joining, now);
        await manager.update(PartyBranch, { id: branch.id }, { updatedAt: now });
        return { ...branch, updatedAt: now };
      });
    },
    branchConflict(''),
  );
}
