import { userError, type UserError } from '../../kit/src/errors.js';
import type { FieldProblem } from './domain/person-record.js';
import type { PersonEntity } from './entities/person.js';

export interface PersonResult {
  person: PersonEntity | null;
  userErrors: UserError[];
}

/** User errors of a mutation whose arguments sit under `input`. */
export function inputErrors(problems: readonly FieldProblem[]): { userErrors: UserError[] } & { person: null } {
  return { person: null, userErrors: problems.map((problem) => userError(problem.code, problem.message, ['input', ...problem.field.split('.')])) };
}
