import { problem, type Problem, type ProblemCode } from './problems.js';

/** Trimmed text of a length in characters (code points: 汉字 count one each), or a problem. */
export function boundedText(
  value: string | null | undefined,
  min: number,
  max: number,
  code: ProblemCode,
  field: string,
): { value: string } | { problem: Problem } {
  const text = (value ?? '').trim();
  const length = [...text].length;
  if (length < min || length > max) return { problem: problem(code, field) };
  return { value: text };
}

/** Why something changed: required wherever a record, a decision or a balance changes. */
export function reasonText(value: string | null | undefined, field = 'reason') {
  return boundedText(value, 2, 200, 'REASON_REQUIRED', field);
}

export function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
