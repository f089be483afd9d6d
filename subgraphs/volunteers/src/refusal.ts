import { userError, type UserError } from '../../kit/src/errors.js';
import { problem, type Problem, type ProblemCode } from './domain/problems.js';

/**
 * An expected failure met while acting, often inside a transaction: throwing it rolls the
 * transaction back (stock, points and places stay as they were) and `outcome` turns it
 * into the payload's user errors.
 */
export class Refusal extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.code).join(', '));
  }
}

export function refuse(code: ProblemCode, field: string | null = null, values: Record<string, string | number> = {}): never {
  throw new Refusal([problem(code, field, values)]);
}

/** Throws the problem a domain rule found, if it found one. */
export function refuseIf(found: Problem | null): void {
  if (found) throw new Refusal([found]);
}

/** Throws the problems when there are any. */
export function refuseAll(problems: Problem[]): void {
  if (problems.length) throw new Refusal(problems);
}

/** Unwraps a domain check: its value, or a refusal with its problem. */
export function orRefuse<T extends object>(checked: T | { problem: Problem }): T {
  if ('problem' in checked) throw new Refusal([checked.problem as Problem]);
  return checked;
}

function toUserError(p: Problem): UserError {
  return userError(p.code, p.message, p.field ? ['input', p.field] : undefined);
}

export type Payload<K extends string, T> = { [key in K]: T | null } & { userErrors: UserError[] };

/** Runs a mutation's work and shapes its payload: the result under `key`, or the refusal's user errors. */
export async function outcome<K extends string, T>(key: K, work: () => Promise<T>): Promise<Payload<K, T>> {
  try {
    return { [key]: await work(), userErrors: [] } as Payload<K, T>;
  } catch (error) {
    if (error instanceof Refusal) return { [key]: null, userErrors: error.problems.map(toUserError) } as Payload<K, T>;
    throw error;
  }
}
