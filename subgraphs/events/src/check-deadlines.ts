/**
 * The scheduled deadline check of the events subgraph, an entry point beside main.ts, as a
 * command for cron, a systemd timer or a Kubernetes CronJob:
 * `tsx subgraphs/events/src/check-deadlines.ts` (`npm run check-deadlines`) runs it once; with
 * `--every <seconds>` it repeats until stopped. Every event whose running deadline passed
 * escalates (not accepted in time) or is marked overdue, with a timeline entry. Several
 * copies may run at once against the same database: each change is a conditional update
 * on the event's version, so exactly one of them makes it.
 *
 * Reads EVENTS_DATABASE_URL and the working calendar (EVENTS_WORKING_HOURS,
 * EVENTS_HOLIDAYS, EVENTS_WORKDAYS) like the subgraph does. Prints one JSON line per run.
 */
import { z } from 'zod';
import { databaseUrl, parseConfig } from '../../kit/src/config.js';
import { openDatabase } from '../../kit/src/database.js';
import { readEventsConfig } from './config.js';
import { checkDeadlines } from './actions/deadline-check.js';
import { eventEntities } from './entities/index.js';
import { eventMigrations } from './migrations/index.js';

function intervalSeconds(argv: string[]): number | null {
  const at = argv.indexOf('--every');
  if (at === -1) return null;
  const seconds = Number(argv[at + 1]);
  if (!Number.isInteger(seconds) || seconds < 1) {
    process.stderr.write('usage: check-deadlines [--every <seconds>]\n');
    process.exit(2);
  }
  return seconds;
}

const every = intervalSeconds(process.argv.slice(2));
// The same variable and default as the subgraph (kit/service.ts), without loading the server.
const { EVENTS_DATABASE_URL } = parseConfig(
  z.object({ EVENTS_DATABASE_URL: databaseUrl('sqlite:data/events.sqlite') }),
);
const { calendar } = readEventsConfig();
const db = await openDatabase({ url: EVENTS_DATABASE_URL, entities: eventEntities, migrations: eventMigrations });

async function runOnce(): Promise<void> {
  const now = new Date();
  const result = await checkDeadlines(db, { now, calendar });
  process.stdout.write(`${JSON.stringify({ at: now.toISOString(), ...result })}\n`);
}

let stopping = false;
let wake = () => {};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    wake();
  });
}
/** Waits for the next run; a signal ends the wait at once. */
function pause(seconds: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, seconds * 1000);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

try {
  await runOnce();
  while (every !== null && !stopping) {
    await pause(every);
    if (!stopping) await runOnce();
  }
} finally {
  await db.dataSource.destroy();
}
