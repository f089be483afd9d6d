import type { EntityManager } from 'typeorm';
import { requirePermission } from '../../../kit/src/auth.js';
import { payloadOf, type Payload, type Problem } from '../../../kit/src/problems.js';
import { inTransaction, isUniqueViolation } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';

/**
 * One mutation whose work runs partly outside a transaction (a look-up through the graph
 * must not hold a lock): `grid:write`, then the work, shaped into its payload under `key`.
 * A refusal (kit `refuse`/`refuseIf`) becomes the payload's user errors; a unique index
 * that stops a racing write becomes the user error it stands for.
 */
export async function act<Key extends string, T>(
  context: Context,
  key: Key,
  work: () => Promise<T>,
  onUniqueViolation?: (error: unknown) => Problem,
): Promise<Payload<Key, T>> {
  requirePermission(context.viewer, 'grid:write');
  return payloadOf(
    key,
    work,
    onUniqueViolation && ((error) => (isUniqueViolation(error) ? onUniqueViolation(error) : null)),
  );
}

/**
 * One mutation: `grid:write`, then its checks and writes in one transaction. A refusal
 * rolls everything back, so nothing is half-written.
 */
export function mutate<Key extends string, T>(
  context: Context,
  key: Key,
  work: (manager: EntityManager) => Promise<T>,
  onUniqueViolation?: (error: unknown) => Problem,
): Promise<Payload<Key, T>> {
  return act(context, key, () => inTransaction(context.db, work), onUniqueViolation);
}

/**
 * The problem a unique index stands for, by the index's name (MySQL names it in its
 * message) or its `table.column` (SQLite names the columns).
 */
export function uniqueViolationProblem(
  error: unknown,
  indexes: readonly { index: string; columns: string; problem: () => Problem }[],
  fallback: () => Problem,
): Problem {
  const message = error instanceof Error ? error.message : '';
  const hit = indexes.find((entry) => message.includes(entry.index) || message.includes(entry.columns));
  return (hit?.problem ?? fallback)();
}
