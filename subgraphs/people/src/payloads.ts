import { userError, type UserError } from '../../kit/src/errors.js';
import type { FieldProblem } from './domain/person-record.js';
import type { PersonEntity } from './entities/person.js';

export interface PersonResult {
  person: PersonEntity | null;
  userErrors: UserError[];
}

/** User errors of a mutation whose arguments sit under `input`; `tags.0.code` becomes a path. */
export function inputUserErrors(problems: readonly FieldProblem[]): UserError[] {
  return problems.map((problem) => userError(problem.code, problem.message, ['input', ...problem.field.split('.')]));
}

/** A person mutation that wrote nothing. */
export function inputErrors(problems: readonly FieldProblem[]): PersonResult & { person: null } {
  return { person: null, userErrors: inputUserErrors(problems) };
}
