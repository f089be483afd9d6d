import type { Database } from '../../subgraphs/kit/src/database.js';

export type Statement = [sql: string, params: unknown[]];

/** The raw statements `work` sends through `dataSource.query` (aggregates, not entity reads). */
export async function capturingStatements(db: Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const { dataSource } = db;
  const sent: Statement[] = [];
  const original = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, params?: unknown[], ...rest: unknown[]) => {
    sent.push([sql, params ?? []]);
    return (original as (...args: unknown[]) => Promise<unknown>)(sql, params, ...rest);
  }) as typeof dataSource.query;
  try {
    await work();
  } finally {
    dataSource.query = original;
  }
  return sent;
}

/**
 * How the database reads `table` (its name or alias) in a statement: every step on it,
 * as `index-only <index>`, `index <index>` (with row lookups) or `scan`.
 */
export async function accessesOf(db: Database, [sql, params]: Statement, table: string): Promise<string[]> {
  if (db.kind === 'sqlite') {
    const plan: { detail: string }[] = await db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
    return plan
      .map((step) => step.detail)
      .filter((detail) => new RegExp(`^(SCAN|SEARCH) ${table}\\b`).test(detail))
      .map((detail) => {
        const covering = /USING COVERING INDEX (\w+)/.exec(detail);
        if (covering) return `index-only ${covering[1]}`;
        const index = /USING (?:INDEX (\w+)|(INTEGER PRIMARY KEY|PRIMARY KEY))/.exec(detail);
        return index ? `index ${index[1] ?? 'PRIMARY'}` : 'scan';
      });
  }
  const plan: { table: string; type: string; key: string | null; Extra: string | null }[] = await db.dataSource.query(`EXPLAIN ${sql}`, params);
  return plan
    .filter((step) => step.table === table)
    .map((step) => (step.type === 'ALL' || !step.key ? 'scan' : `${/Using index(?! condition)/.test(step.Extra ?? '') ? 'index-only' : 'index'} ${step.key}`));
}
