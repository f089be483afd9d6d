import type { Database } from '../../subgraphs/kit/src/database.js';

export type Statement = [sql: string, params: unknown[]];

/** Every statement `work` makes the database run, with its parameters. */
export async function capturingStatements(db: Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  db.statements.recorded = sent;
  try {
    await work();
  } finally {
    db.statements.recorded = null;
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
  const plan: { table: string; type: string; key: string | null; Extra: string | null }[] = await db.dataSource.query(
    `EXPLAIN ${sql}`,
    params,
  );
  return plan
    .filter((step) => step.table === table)
    .map((step) =>
      step.type === 'ALL' || !step.key
        ? 'scan'
        : `${/Using index(?! condition)/.test(step.Extra ?? '') ? 'index-only' : 'index'} ${step.key}`,
    );
}
