/** One thing wrong with a request: a stable code, the input field it concerns, a message for people (Chinese). */
export interface Problem {
  code: string;
  message: string;
  field?: string | undefined;
}

/** The user-error path of a problem: `['input', field]`, or none. */
export function problemField(problem: Problem): string[] | undefined {
  return problem.field ? ['input', ...problem.field.split('.')] : undefined;
}
