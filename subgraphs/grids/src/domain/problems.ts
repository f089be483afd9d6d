import { userError, type UserError } from '../../../kit/src/errors.js';

/** One thing wrong with a request: a stable code, the input field it concerns, a message for people. */
export interface Problem {
  code: string;
  field: string | null;
  message: string;
}

export function problem(code: string, field: string | null, message: string): Problem {
  return { code, field, message };
}

/** Problems as the `userErrors` of a payload; fields are paths under `input`. */
export function toUserErrors(problems: readonly Problem[]): UserError[] {
  return problems.map((p) => userError(p.code, p.message, p.field ? ['input', ...p.field.split('.')] : undefined));
}

/** The name rule every grid, area and building shares. */
export function nameProblem(name: string, field = 'name', maxLength = 64): Problem | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > maxLength) return problem('INVALID_NAME', field, `名称不能为空，且不超过 ${maxLength} 个字符`);
  return null;
}

export function outOfScope(field: string): Problem {
  return problem('OUT_OF_SCOPE', field, '超出您的管辖范围：社区工作人员只能管理本社区，街道管理员只能管理本街道');
}
