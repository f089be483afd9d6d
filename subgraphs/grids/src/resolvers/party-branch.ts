import { notFound } from '../../../kit/src/errors.js';
import { present } from '../../../kit/src/loaders.js';
import type { Context } from '../context.js';
import type { PartyBranchEntity, PartyBranchMemberEntity } from '../entities/party-branch.js';
import type { PartyBranchMembershipResolvers, PartyBranchResolvers } from '../generated/resolvers.js';

/** Memberships in the order they began; people who joined together by person id. */
async function membershipsOf(
  branch: PartyBranchEntity,
  loaders: Context['loaders'],
  includeEnded: boolean,
): Promise<PartyBranchMemberEntity[]> {
  return (await loaders.membershipsByBranch.load(branch.id))
    .filter((membership) => includeEnded || membership.leftAt === null)
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.personId.localeCompare(b.personId));
}

export const PartyBranch: PartyBranchResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.branchById.load(reference.id),
  community: async (branch, _, { loaders }) => {
    const community = await loaders.areaByCode.load(branch.communityCode);
    if (!community) throw notFound('支部所属社区不存在');
    return community;
  },
  grids: async (branch, _, { loaders }) =>
    present(
      await loaders.gridById.loadMany((await loaders.branchGridsByBranch.load(branch.id)).map((link) => link.gridId)),
    ),
  secretary: (branch) => (branch.secretaryPersonId ? { id: branch.secretaryPersonId } : null),
  // The secretary first, then the others in the order they joined.
  members: async (branch, _, { loaders }) => {
    const current = await membershipsOf(branch, loaders, false);
    const secretaryFirst = [
      ...current.filter((m) => m.personId === branch.secretaryPersonId),
      ...current.filter((m) => m.personId !== branch.secretaryPersonId),
    ];
    return secretaryFirst.map((membership) => ({ id: membership.personId }));
  },
  memberCount: async (branch, _, { loaders }) => (await membershipsOf(branch, loaders, false)).length,
  memberships: async (branch, { includeEnded }, { loaders }) =>
    (await membershipsOf(branch, loaders, includeEnded ?? false)).map((membership) => ({
      membership,
      secretary: membership.leftAt === null && membership.personId === branch.secretaryPersonId,
    })),
};

export const PartyBranchMembership: PartyBranchMembershipResolvers = {
  person: ({ membership }) => ({ id: membership.personId }),
  joinedAt: ({ membership }) => membership.joinedAt,
  leftAt: ({ membership }) => membership.leftAt,
};
