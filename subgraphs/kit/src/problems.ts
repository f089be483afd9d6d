import { userError, type UserError } from './errors.js';

/**
 * One thing wrong with a request: a stable code, the input field it concerns (a dotted
 * path under `input`, e.g. `tags.0.code`), and a message for the people who read it
 * (Chinese). Each subgraph keeps its own table of codes and messages; the shape and the
 * way it becomes a payload's `userErrors` are the same everywhere.
 */
export interface Problem<Code extends string = string> {
  code: Code;
  message: string;
  field?: string | null | undefined;
}

export function problem<Code extends string>(code: Code, field: string | null, message: string): Problem<Code> {
  return { code, field, message };
}

/** The user-error path of a problem: `['input', ...field]`, or none. */
export function problemPath(found: Problem): string[] | undefined {
  return found.field ? ['input', ...found.field.split('.')] : undefined;
}

/** Problems as the `userErrors` of a payload. */
export function toUserErrors(problems: readonly Problem[]): UserError[] {
  return problems.map((found) => userError(found.code, found.message, problemPath(found)));
}

/**
 * An expected failure met while acting, often inside a transaction: throwing it rolls the
 * transaction back, and `payloadOf` turns it into the payload's user errors.
 */
export class Refusal extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((found) => found.code).join(', '));
  }
}

/** Stops the action with these problems; everything it wrote in its transaction is rolled back. */
export function refuse(problems: Problem | readonly Problem[]): never {
  throw new Refusal(Array.isArray(problems) ? problems : [problems as Problem]);
}

/** Refuses with the problems domain checks found, if any found one. */
export function refuseIf(
  ...found: readonly (Problem | null | undefined | readonly (Problem | null | undefined)[])[]
): void {
  const problems = found.flat().filter((entry): entry is Problem => entry !== null && entry !== undefined);
  if (problems.length) throw new Refusal(problems);
}

/** Unwraps a domain check: its value, or a refusal with its problem. */
export function orRefuse<T extends object, P extends Problem = Problem>(
  checked: T | { problem: P },
): Exclude<T, { problem: P }> {
  if ('problem' in checked) throw new Refusal([checked.problem as Problem]);
  return checked as Exclude<T, { problem: P }>;
}

export type Payload<Key extends string, T> = { [key in Key]: T | null } & { userErrors: UserError[] };

/** A payload that carries these problems and no result. */
export function refusedPayload<Key extends string, T = never>(key: Key, problems: readonly Problem[]): Payload<Key, T> {
  return { [key]: null, userErrors: toUserErrors(problems) } as Payload<Key, T>;
}

/**
 * Runs a mutation's work and shapes its payload: the result under `key`, or the refusal's
 * user errors. `onError` may turn another expected failure (a unique index that stopped a
 * racing write) into the problem it stands for; anything else is rethrown.
 */
export async function payloadOf<Key extends string, T>(
  key: Key,
  work: () => Promise<T>,
  onError?: (error: unknown) => Problem | null,
): Promise<Payload<Key, T>> {
  try {
    return { [key]: await work(), userErrors: [] } as Payload<Key, T>;
  } catch (error) {
    if (error instanceof Refusal) return refusedPayload<Key, T>(key, error.problems);
    const known = onError?.(error);
    if (known) return refusedPayload<Key, T>(key, [known]);
    throw error;
  }
}
