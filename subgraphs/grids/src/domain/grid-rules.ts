import type { DedicatedKind, GridStatus, GridType } from './enums.js';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';

/** The 3+1 rules of DESIGN rule 4: community 12 digits, +3 for a grid, +3 for a micro-grid. */
export const GRID_CODE_LENGTH: Record<GridType, number> = {
  COMMUNITY_TOTAL: 15,
  GENERAL: 15,
  DEDICATED: 15,
  MICRO: 18,
};
/** The suffix of a community total grid's code; no other grid may use it. */
export const TOTAL_SUFFIX = '000';

export interface GridRequest {
  type: GridType;
  code: string;
  name: string;
  parentId?: string | null;
  dedicatedTo?: string | null;
  dedicatedKind?: DedicatedKind | null;
}

export interface GridFacts {
  id: string;
  code: string;
  type: GridType;
  status: GridStatus;
}

/** The community a grid code belongs to: its first 12 digits. */
export function communityCodeOf(gridCode: string): string {
  return gridCode.slice(0, 12);
}

/**
 * The codes of a grid and of the grids that hold it, known from the code alone: a
 * micro-grid's general grid is its first 15 digits, every grid's community total grid
 * its first 12 digits + 000.
 */
export function holdingCodes(code: string): string[] {
  const codes = [code];
  if (code.length === 18) codes.push(code.slice(0, 15));
  codes.push(`${code.slice(0, 12)}000`);
  return [...new Set(codes)];
}

function codeProblem(type: GridType, code: string): Problem | null {
  const length = GRID_CODE_LENGTH[type];
  if (!/^\d+$/.test(code) || code.length !== length) {
    return problem(
      'INVALID_CODE',
      'code',
      type === 'MICRO'
        ? '微网格编码应为 18 位数字（一般网格编码加 3 位）'
        : '网格编码应为 15 位数字（社区编码加 3 位）',
    );
  }
  const suffix = code.slice(-3);
  if (type === 'COMMUNITY_TOTAL' && suffix !== TOTAL_SUFFIX)
    return problem('INVALID_CODE', 'code', '社区总网格编码应为社区编码加 000');
  if (type !== 'COMMUNITY_TOTAL' && suffix === TOTAL_SUFFIX)
    return problem('RESERVED_CODE', 'code', '编码末三位 000 留给社区总网格，请换一个编号');
  return null;
}

/** Dedicated grids name the organisation they cover and its kind; no other grid does. */
export function dedicatedProblems(
  type: GridType,
  dedicatedTo: string | null | undefined,
  dedicatedKind: DedicatedKind | null | undefined,
): Problem[] {
  if (type !== 'DEDICATED') {
    return dedicatedTo || dedicatedKind
      ? [problem('DEDICATED_FIELDS_NOT_ALLOWED', 'dedicatedTo', '只有专属网格可以填写所属单位及类别')]
      : [];
  }
  const problems: Problem[] = [];
  const organisation = dedicatedTo?.trim() ?? '';
  if (!organisation || organisation.length > 128) {
    problems.push(
      problem('DEDICATED_ORGANISATION_REQUIRED', 'dedicatedTo', '专属网格须填写所覆盖的单位名称（不超过 128 个字符）'),
    );
  }
  if (!dedicatedKind)
    problems.push(
      problem('DEDICATED_KIND_REQUIRED', 'dedicatedKind', '专属网格须填写单位类别：学校、医院、市场或企业'),
    );
  return problems;
}

/** What a new grid's request says by itself, before anything is read. */
export function gridRequestProblems(request: GridRequest): Problem[] {
  const problems = [nameProblem(request.name), codeProblem(request.type, request.code)];
  if (request.type === 'MICRO' && !request.parentId)
    problems.push(problem('PARENT_REQUIRED', 'parentId', '微网格须指定所属的一般网格'));
  if (request.type !== 'MICRO' && request.parentId) {
    problems.push(
      problem('PARENT_NOT_ALLOWED', 'parentId', '只有微网格有上级网格；社区总网格、一般网格和专属网格直接属于社区'),
    );
  }
  return [
    ...problems.filter((p): p is Problem => p !== null),
    ...dedicatedProblems(request.type, request.dedicatedTo, request.dedicatedKind),
  ];
}

export interface PlacementFacts {
  /** The area named by the code's first 12 digits, if it is a community. */
  communityExists: boolean;
  /** A micro-grid's parent as the viewer may see it. */
  parent: GridFacts | null;
  /** The community's active total grid, when there is one. */
  activeTotal: GridFacts | null;
  codeTaken: boolean;
}

/** Where the new grid goes: its community, its parent, one total grid per community, a free code. */
export function gridPlacementProblems(request: GridRequest, facts: PlacementFacts): Problem[] {
  if (!facts.communityExists)
    return [problem('COMMUNITY_NOT_FOUND', 'code', `编码前 12 位 ${communityCodeOf(request.code)} 不是已登记的社区`)];
  if (request.type === 'MICRO') {
    const { parent } = facts;
    if (!parent) return [problem('PARENT_NOT_FOUND', 'parentId', '上级网格不存在或不在您的管辖范围内')];
    if (parent.type !== 'GENERAL') return [problem('PARENT_NOT_GENERAL', 'parentId', '微网格只能设在一般网格之下')];
    if (parent.status !== 'ACTIVE') return [problem('PARENT_RETIRED', 'parentId', '上级网格已撤销')];
    if (!request.code.startsWith(parent.code)) {
      return [problem('CODE_NOT_UNDER_PARENT', 'code', `微网格编码应以上级网格编码 ${parent.code} 开头`)];
    }
  }
  if (request.type === 'COMMUNITY_TOTAL' && facts.activeTotal) {
    return [
      problem('COMMUNITY_TOTAL_EXISTS', 'type', `该社区已有社区总网格 ${facts.activeTotal.code}，每个社区只能有一个`),
    ];
  }
  return facts.codeTaken ? [duplicateCode(request.code)] : [];
}

export function duplicateCode(code: string): Problem {
  return problem('DUPLICATE_CODE', 'code', `网格编码 ${code} 已被使用（含已撤销的网格）`);
}

export function gridNotFound(field = 'id'): Problem {
  return problem('GRID_NOT_FOUND', field, '网格不存在或不在您的管辖范围内');
}

export function gridRetired(field = 'id'): Problem {
  return problem('GRID_RETIRED', field, '网格已撤销，不能再修改或分配');
}

/** Which grids a grid's boundary must contain, and which may hold it. */
export function containerKind(type: GridType): 'parent' | 'communityTotal' | null {
  if (type === 'MICRO') return 'parent';
  return type === 'COMMUNITY_TOTAL' ? null : 'communityTotal';
}

/**
 * A grid is retired, never deleted; not while grids inside it are active (for a
 * community total grid: any other active grid of its community), staff serve it or
 * service stations registered in it are open.
 */
export function retireProblems(
  grid: GridFacts,
  activeChildren: number,
  openAssignments: number,
  activeStations = 0,
): Problem[] {
  if (grid.status === 'RETIRED') return [problem('ALREADY_RETIRED', 'id', '网格已经撤销')];
  const problems: Problem[] = [];
  if (activeChildren > 0)
    problems.push(problem('HAS_ACTIVE_CHILDREN', 'id', `网格内还有 ${activeChildren} 个在用的下级网格，请先撤销它们`));
  if (openAssignments > 0)
    problems.push(problem('HAS_ACTIVE_STAFF', 'id', `网格还有 ${openAssignments} 名在岗工作人员，请先结束他们的任职`));
  if (activeStations > 0)
    problems.push(problem('HAS_ACTIVE_STATIONS', 'id', `网格还有 ${activeStations} 个在用的服务站点，请先关闭它们`));
  return problems;
}

export interface GridUpdate {
  name?: string | null;
  dedicatedTo?: string | null;
  dedicatedKind?: DedicatedKind | null;
}

/** A rename, or a dedicated grid's organisation; a retired grid stays as it was. */
export function updateProblems(
  grid: GridFacts & { dedicatedTo: string | null; dedicatedKind: DedicatedKind | null },
  update: GridUpdate,
): Problem[] {
  if (grid.status !== 'ACTIVE') return [gridRetired()];
  const problems: Problem[] = [];
  if (update.name !== undefined && update.name !== null) {
    const name = nameProblem(update.name);
    if (name) problems.push(name);
  }
  const touchesDedicated = update.dedicatedTo != null || update.dedicatedKind != null;
  if (touchesDedicated) {
    problems.push(
      ...dedicatedProblems(
        grid.type,
        update.dedicatedTo ?? grid.dedicatedTo,
        update.dedicatedKind ?? grid.dedicatedKind,
      ),
    );
  }
  return problems;
}
