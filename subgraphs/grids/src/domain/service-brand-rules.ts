import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';

export const MAX_BRAND_GRIDS = 200;

/** What a brand request says by itself; absent fields are not checked. */
export function brandFieldProblems(fields: {
  name?: string | null;
  description?: string | null;
  gridIds?: readonly string[] | null;
}): Problem[] {
  const found: (Problem | null)[] = [];
  if (fields.name != null) found.push(nameProblem(fields.name));
  if (fields.description != null && fields.description.trim().length > 500) {
    found.push(problem('INVALID_DESCRIPTION', 'description', '简介不超过 500 个字符'));
  }
  if (fields.gridIds != null && fields.gridIds.length > MAX_BRAND_GRIDS) {
    found.push(problem('TOO_MANY_GRIDS', 'gridIds', `一次最多关联 ${MAX_BRAND_GRIDS} 个网格`));
  }
  return found.filter((p): p is Problem => p !== null);
}

/** Attaching grids already attached, or detaching grids that are not, is refused by position. */
export function attachmentProblems(ids: readonly string[], attached: ReadonlySet<string>, attach: boolean): Problem[] {
  return ids.flatMap((id, index): Problem[] => {
    if (attach && attached.has(id)) return [problem('ALREADY_ATTACHED', `gridIds.${index}`, '该网格已关联此品牌')];
    if (!attach && !attached.has(id)) return [problem('NOT_ATTACHED', `gridIds.${index}`, '该网格未关联此品牌')];
    return [];
  });
}

export function brandNotFound(field = 'id'): Problem {
  return problem('BRAND_NOT_FOUND', field, '服务品牌不存在或不在您的管辖范围内');
}

export function duplicateBrandName(name: string): Problem {
  return problem('DUPLICATE_BRAND_NAME', 'name', `本社区已有名为“${name}”的服务品牌或示范点`);
}
