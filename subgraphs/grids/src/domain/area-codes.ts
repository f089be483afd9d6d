import type { AreaLevel } from './enums.js';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';

/** Code length of each level (GB/T 2260 for city and district, then the statistical extension). */
export const AREA_CODE_LENGTH: Record<AreaLevel, number> = { CITY: 6, DISTRICT: 6, STREET: 9, COMMUNITY: 12 };

const PARENT_LEVEL: Partial<Record<AreaLevel, AreaLevel>> = {
  DISTRICT: 'CITY',
  STREET: 'DISTRICT',
  COMMUNITY: 'STREET',
};

export interface AreaRequest {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string;
  administeredBy?: string | null;
}

export interface AreaFacts {
  code: string;
  level: AreaLevel;
}

function inRange(digits: string, low: number, high: number): boolean {
  const value = Number(digits);
  return value >= low && value <= high;
}

/**
 * The code of a new area: digits only, the length of its level, and in the range the
 * division codes use (a district's last two digits 01–99, a street's positions 7–9
 * 001–099, a residents' committee's positions 10–12 001–199).
 */
export function areaCodeProblem(level: AreaLevel, code: string): Problem | null {
  const length = AREA_CODE_LENGTH[level];
  const invalid = (message: string) => problem('INVALID_CODE', 'code', message);
  if (!/^\d+$/.test(code) || code.length !== length) return invalid(`${levelName(level)}编码应为 ${length} 位数字`);
  if (level === 'DISTRICT' && !inRange(code.slice(4, 6), 1, 99)) return invalid('区县编码的末两位应在 01 至 99 之间');
  if (level === 'STREET' && !inRange(code.slice(6, 9), 1, 99))
    return invalid('街道编码的第 7 至 9 位应在 001 至 099 之间');
  if (level === 'COMMUNITY' && !inRange(code.slice(9, 12), 1, 199))
    return invalid('社区编码的第 10 至 12 位应在 001 至 199 之间');
  return null;
}

/** A district's code shares its city's first four digits; every other code extends its parent's. */
export function extendsParentCode(code: string, parentCode: string, level: AreaLevel): boolean {
  return level === 'DISTRICT'
    ? code.slice(0, 4) === parentCode.slice(0, 4)
    : code.startsWith(parentCode) && code !== parentCode;
}

/** What the request says by itself. */
export function areaRequestProblems(request: AreaRequest): Problem[] {
  if (request.level === 'CITY') return [problem('INVALID_LEVEL', 'level', '不能新增城市，只能新增区县、街道或社区')];
  const problems = [nameProblem(request.name), areaCodeProblem(request.level, request.code)];
  if (request.administeredBy && request.administeredBy.trim().length > 64) {
    problems.push(problem('INVALID_NAME', 'administeredBy', '管辖单位名称不超过 64 个字符'));
  }
  return problems.filter((p): p is Problem => p !== null);
}

/** Where the new area hangs: its parent exists at the level above and its code extends the parent's. */
export function areaPlacementProblems(request: AreaRequest, parent: AreaFacts | null, codeTaken: boolean): Problem[] {
  if (!parent || parent.level !== PARENT_LEVEL[request.level]) {
    return [
      problem(
        'PARENT_NOT_FOUND',
        'parentCode',
        `上级区划不存在，或不是${levelName(PARENT_LEVEL[request.level] ?? 'CITY')}`,
      ),
    ];
  }
  if (!extendsParentCode(request.code, parent.code, request.level)) {
    return [problem('CODE_NOT_UNDER_PARENT', 'code', `编码 ${request.code} 不在上级区划 ${parent.code} 之下`)];
  }
  return codeTaken ? [problem('DUPLICATE_CODE', 'code', `编码 ${request.code} 已被使用`)] : [];
}

function levelName(level: AreaLevel): string {
  return { CITY: '城市', DISTRICT: '区县', STREET: '街道', COMMUNITY: '社区' }[level];
}
