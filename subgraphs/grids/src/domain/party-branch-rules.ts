import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';
import type { SelectedGrid } from './grid-selection.js';

export const PARTY_MEMBER_TAG = 'PARTY_MEMBER';
export const MAX_BRANCH_GRIDS = 20;
export const MAX_BRANCH_MEMBERS = 300;

/** What the graph tells about a person, asked with the caller's token (null: not visible). */
export interface PersonFacts {
  id: string;
  tags: { code: string }[];
  /** The micro-grid the person lives in. */
  grid: { code: string } | null;
}

export interface BranchRequest {
  name?: string | null;
  gridIds?: readonly string[] | null;
  memberIds?: readonly string[] | null;
}

/** What a branch request says by itself; absent fields are not checked. */
export function branchRequestProblems(request: BranchRequest): Problem[] {
  const found: (Problem | null)[] = [];
  if (request.name != null) found.push(nameProblem(request.name));
  if (request.gridIds != null && (!request.gridIds.length || request.gridIds.length > MAX_BRANCH_GRIDS)) {
    found.push(problem('GRIDS_REQUIRED', 'gridIds', `网格支部须覆盖 1 至 ${MAX_BRANCH_GRIDS} 个一般网格`));
  }
  if (request.memberIds != null && request.memberIds.length > MAX_BRANCH_MEMBERS) {
    found.push(problem('TOO_MANY_MEMBERS', 'memberIds', `一个支部最多登记 ${MAX_BRANCH_MEMBERS} 名党员`));
  }
  return found.filter((p): p is Problem => p !== null);
}

/**
 * 支部建在网格上: a grid branch covers general grids, and each grid belongs to at most
 * one branch. `takenBy` maps a grid to the branch that holds it now.
 */
export function branchGridProblems(
  ids: readonly string[],
  found: ReadonlyMap<string, SelectedGrid>,
  takenBy: ReadonlyMap<string, string>,
  ownBranchId: string | null,
): Problem[] {
  return ids.flatMap((id, index): Problem[] => {
    const grid = found.get(id);
    if (!grid) return [];
    if (grid.type !== 'GENERAL') return [problem('NOT_A_GENERAL_GRID', `gridIds.${index}`, '网格支部建在一般网格上')];
    const holder = takenBy.get(id);
    if (holder && holder !== ownBranchId)
      return [problem('GRID_HAS_BRANCH', `gridIds.${index}`, `网格 ${grid.code} 已有网格党支部`)];
    return [];
  });
}

function isPartyMember(person: PersonFacts): boolean {
  return person.tags.some((tag) => tag.code === PARTY_MEMBER_TAG);
}

function personNotFound(field: string): Problem {
  return problem('PERSON_NOT_FOUND', field, '人员不存在或不在您的查看范围内');
}

function notPartyMember(field: string): Problem {
  return problem('NOT_A_PARTY_MEMBER', field, '此人未登记为党员（人口信息中无“党员”标签）');
}

function memberOfAnotherBranch(field: string): Problem {
  return problem('MEMBER_OF_ANOTHER_BRANCH', field, '此人已是另一个网格党支部的党员，请先从原支部移出');
}

/** The secretary is a party member who lives in one of the branch's grids and in no other branch. */
export function secretaryProblems(
  person: PersonFacts | null | undefined,
  gridCodes: readonly string[],
  otherBranch: boolean,
): Problem[] {
  if (!person) return [personNotFound('secretaryId')];
  if (!isPartyMember(person)) return [notPartyMember('secretaryId')];
  const home = person.grid?.code ?? '';
  if (!gridCodes.some((code) => home.startsWith(code))) {
    return [problem('SECRETARY_OUTSIDE_GRIDS', 'secretaryId', '支部书记须居住在本支部覆盖的网格内')];
  }
  return otherBranch ? [memberOfAnotherBranch('secretaryId')] : [];
}

/**
 * Members joining a branch: party members living in the branch's community, not members
 * of another branch. `ids` are the request's list; only those in `joining` are checked
 * (members who stay were checked when they joined).
 */
export function joiningMemberProblems(
  ids: readonly string[],
  joining: ReadonlySet<string>,
  people: ReadonlyMap<string, PersonFacts | null>,
  communityCode: string,
  inOtherBranch: ReadonlySet<string>,
): Problem[] {
  return ids.flatMap((id, index): Problem[] => {
    if (!joining.has(id)) return [];
    const field = `memberIds.${index}`;
    const person = people.get(id);
    if (!person) return [personNotFound(field)];
    if (!isPartyMember(person)) return [notPartyMember(field)];
    if (!(person.grid?.code ?? '').startsWith(communityCode))
      return [problem('MEMBER_OUTSIDE_COMMUNITY', field, '党员须居住在本支部所在社区')];
    return inOtherBranch.has(id) ? [memberOfAnotherBranch(field)] : [];
  });
}

export function branchNotFound(field = 'id'): Problem {
  return problem('BRANCH_NOT_FOUND', field, '网格党支部不存在或不在您的管辖范围内');
}

export function duplicateBranchName(name: string): Problem {
  return problem('DUPLICATE_BRANCH_NAME', 'name', `本社区已有名为“${name}”的网格党支部`);
}

export function secretaryNotInMembers(): Problem {
  return problem('SECRETARY_NOT_IN_MEMBERS', 'memberIds', '党员名单须包含支部书记；更换书记请使用 updatePartyBranch');
}
