import { problem, type Problem } from '../../../kit/src/problems.js';

/** The name rule every grid, area and building shares. */
export function nameProblem(name: string, field = 'name', maxLength = 64): Problem | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > maxLength)
    return problem('INVALID_NAME', field, `名称不能为空，且不超过 ${maxLength} 个字符`);
  return null;
}

export function outOfScope(field: string): Problem {
  return problem('OUT_OF_SCOPE', field, '超出您的管辖范围：社区工作人员只能管理本社区，街道管理员只能管理本街道');
}
