import type { EntityManager } from 'typeorm';
import { requirePermission } from '../../../kit/src/auth.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import type { Problem } from '../domain/problems.js';

export type Outcome<T> = { value: T; problems: [] } | { value: null; problems: Problem[] };

class Refusal extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

/** Stops the mutation with these problems; everything it wrote is rolled back. */
export function refuse(problems: Problem[]): never {
  throw new Refusal(problems);
}

export function refuseIf(problems: readonly (Problem | null)[]): void {
  const found = problems.filter((p): p is Problem => p !== null);
  if (found.length) refuse(found);
}

export function refused<T>(problems: Problem[]): Outcome<T> {
  return { value: null, problems };
}

/**
 * One mutation: `grid:write`, then its checks and writes in one transaction. A refusal
 * rolls everything back, so nothing is half-written; a unique index that stops a racing
 * write becomes the user error it stands for.
 */
export async function mutate<T>(context: Context, work: (manager: EntityManager) => Promise<T>, onUniqueViolation?: (error: unknown) => Problem): Promise<Outcome<T>> {
  requirePermission(context.viewer, 'grid:write');
  try {
    return { value: await inTransaction(context.db, work), problems: [] };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.problems);
    if (onUniqueViolation && isUniqueViolation(error)) return refused([onUniqueViolation(error)]);
    throw error;
  }
}

/** Now in whole seconds: MySQL's DATETIME keeps no fraction, and a payload should show what is stored. */
export function wholeSeconds(date: Date = new Date()): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * The problem a unique index stands for, by the index's name (MySQL names it in its
 * message) or its `table.column` (SQLite names the columns).
 */
export function uniqueViolationProblem(error: unknown, indexes: readonly { index: string; columns: string; problem: () => Problem }[], fallback: () => Problem): Problem {
  const message = error instanceof Error ? error.message : '';
  const hit = indexes.find((entry) => message.includes(entry.index) || message.includes(entry.columns));
  return (hit?.problem ?? fallback)();
}
