/**
 * `npm run bench:explain`: every SQL statement the benchmark's operations issue, with
 * MariaDB's plan for it. Starts the stack over the filled street-scale databases with the
 * server's general log on, sends each operation twice (the second, warm request is the
 * one recorded: caches and loaders as under load), and EXPLAINs each statement in the
 * database its connection opened (reads with ANALYZE, which runs them and reports the rows
 * each step actually read). A statement that reads a whole table or a whole index of more
 * than FULL_SCAN_ROWS rows is a finding; the script exits non-zero when there is one.
 * Writes bench/results/explain.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { benchConfig as config } from './config.js';
import { sendOnce } from './load.js';
import { OPERATIONS } from './operations.js';
import { GATEWAY, graphTarget, log, pickSubjects, startStack } from './stack.js';

/** Tables this small are read whole at no cost (tag catalogue, settings). */
const FULL_SCAN_ROWS = 1000;

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number | null;
  /** Rows the step actually read per loop (ANALYZE, reads only). */
  r_rows?: number | string | null;
  Extra: string | null;
}

interface Finding {
  operation: string;
  database: string;
  statement: string;
  plan: PlanRow[];
  fullScan: boolean;
  /** The fastest of three runs of a read statement, in ms (writes are not repeated). */
  ms: number | null;
}

const prefix = `bench_${config.BENCH_STREET}`;

async function send(target: Awaited<ReturnType<typeof graphTarget>>): Promise<void> {
  const answer = (await (await sendOnce(target)).json()) as { errors?: { message: string }[] };
  if (answer.errors?.length) throw new Error(answer.errors[0]?.message);
}

/** Which database each logged connection opened ("root@localhost on bench_x_people using TCP/IP"). */
async function connectionDatabases(admin: Connection): Promise<Map<number, string>> {
  const [rows] = await admin.query<RowDataPacket[]>(
    "SELECT thread_id, CONVERT(argument USING utf8mb4) AS argument FROM mysql.general_log WHERE command_type = 'Connect'",
  );
  const databases = new Map<number, string>();
  for (const row of rows) {
    const match = /\son\s+(\S+)/.exec(String(row.argument));
    if (match?.[1]?.startsWith(prefix)) databases.set(Number(row.thread_id), match[1]);
  }
  return databases;
}

/**
 * A walk over a whole table or index (ALL, index) that read more than FULL_SCAN_ROWS rows
 * and at least half of what the whole walk holds. An ordered walk that a LIMIT stops early
 * (newest first until a page is full) is an `index` step too, but it reads a few thousand
 * entries of a hundred thousand; where ANALYZE cannot tell (writes), EXPLAIN's estimate counts.
 */
function isFullScan(row: PlanRow): boolean {
  const whole = row.type === 'ALL' || row.type === 'index';
  const estimated = Number(row.rows ?? 0);
  const read = row.r_rows === undefined || row.r_rows === null ? estimated : Number(row.r_rows);
  return whole && read > FULL_SCAN_ROWS && read >= estimated / 2 && !(row.table ?? '').startsWith('<');
}

const admin = await createConnection({ uri: config.BENCH_MYSQL_URL, multipleStatements: false });
await admin.query("SET GLOBAL log_output = 'TABLE'");
await admin.query('TRUNCATE mysql.general_log');
await admin.query('SET GLOBAL general_log = 1');
const stack = await startStack(prefix, false);
const findings: Finding[] = [];
try {
  const subjects = await pickSubjects(prefix);
  for (const operation of OPERATIONS) {
    const target = await graphTarget(`http://127.0.0.1:${GATEWAY}/graphql`, operation, subjects);
    await send(target);
    const [[mark]] = await admin.query<RowDataPacket[]>('SELECT NOW(6) AS at');
    await send(target);
    const databases = await connectionDatabases(admin);
    const [logged] = await admin.query<RowDataPacket[]>(
      "SELECT thread_id, CONVERT(argument USING utf8mb4) AS argument FROM mysql.general_log WHERE event_time >= ? AND command_type IN ('Query', 'Execute') ORDER BY event_time",
      [mark?.at],
    );
    for (const row of logged) {
      const database = databases.get(Number(row.thread_id));
      const statement = String(row.argument);
      if (!database || !/^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(statement)) continue;
      await admin.query(`USE \`${database}\``);
      const read = /^\s*SELECT/i.test(statement);
      const [plan] = await admin.query<RowDataPacket[]>(`${read ? 'ANALYZE' : 'EXPLAIN'} ${statement}`);
      const rows = plan as unknown as PlanRow[];
      let ms: number | null = null;
      if (read) {
        for (let run = 0; run < 3; run += 1) {
          const started = performance.now();
          await admin.query(statement);
          ms = Math.min(ms ?? Number.POSITIVE_INFINITY, performance.now() - started);
        }
      }
      findings.push({
        operation: operation.name,
        database: database.slice(prefix.length + 1),
        statement,
        plan: rows,
        fullScan: rows.some(isFullScan),
        ms,
      });
    }
    log(`${operation.name}: ${findings.filter((f) => f.operation === operation.name).length} statements`);
  }
} finally {
  await stack.group.stopAll();
  await admin.query('SET GLOBAL general_log = 0');
  await admin.end();
}

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s+/g, ' ');
const lines = [
  '| operation | subgraph | ms | statement | plan (table: access, key, rows estimated (read)) | full scan |',
  '|---|---|---|---|---|---|',
];
for (const finding of findings) {
  const plan = finding.plan
    .map(
      (row) =>
        `${row.table}: ${row.type}, ${row.key ?? '–'}, ${row.rows ?? '–'}${row.r_rows === undefined || row.r_rows === null ? '' : ` (read ${Math.round(Number(row.r_rows))})`}`,
    )
    .join('; ');
  lines.push(
    `| ${finding.operation} | ${finding.database} | ${finding.ms === null ? '–' : finding.ms.toFixed(1)} | ${cell(finding.statement.slice(0, 240))} | ${cell(plan)} | ${finding.fullScan ? '**yes**' : 'no'} |`,
  );
}
const scans = findings.filter((finding) => finding.fullScan).length;
const summary = `${findings.length} statements EXPLAINed at ${config.BENCH_STREET.toLocaleString('en')} residents, ${scans} reading more than ${FULL_SCAN_ROWS} rows of a table or index whole.`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/explain.md', `${summary}\n\n${lines.join('\n')}\n`);
writeFileSync('bench/results/explain.json', `${JSON.stringify(findings, null, 2)}\n`);
console.log(lines.join('\n'));
console.log(`\n${summary}`);
process.exitCode = scans ? 1 : 0;
