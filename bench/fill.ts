/**
 * Fills fresh benchmark databases (one per subgraph) with the demo world at a given size,
 * through each subgraph's own migrations and seed, generating the world once.
 * Usage: tsx bench/fill.ts <residents> <database-prefix>
 */
import { createConnection } from 'mysql2/promise';
import { retainGeneratedWorld } from '../subgraphs/kit/src/demo/world.js';
import { eventsSubgraph } from '../subgraphs/events/src/module.js';
import { gridsSubgraph } from '../subgraphs/grids/src/module.js';
import { openDatabase } from '../subgraphs/kit/src/database.js';
import { createLogger } from '../subgraphs/kit/src/logger.js';
import { peopleSubgraph } from '../subgraphs/people/src/module.js';
import { volunteersSubgraph } from '../subgraphs/volunteers/src/module.js';
import { benchConfig } from './config.js';

export const MODULES = [peopleSubgraph, gridsSubgraph, volunteersSubgraph, eventsSubgraph] as const;

export function databaseUrl(base: string, prefix: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${prefix}_${name}`;
  return url.toString();
}

const MARK = 'bench_fill';

/** The fill an earlier run finished in these databases, when it had this size, density and seed. */
export async function finishedFill(residents: number, prefix: string): Promise<number | null> {
  const server = await createConnection({ uri: benchConfig.BENCH_MYSQL_URL });
  try {
    const [rows] = await server.query(
      `SELECT seconds FROM \`${prefix}_people\`.${MARK} WHERE residents = ? AND community_residents = ? AND seed = ?`,
      [residents, benchConfig.BENCH_COMMUNITY_RESIDENTS, benchConfig.BENCH_SEED],
    );
    const row = (rows as { seconds: number }[])[0];
    return row ? Number(row.seconds) : null;
  } catch {
    return null;
  } finally {
    await server.end();
  }
}

export async function fill(residents: number, prefix: string): Promise<number> {
  const server = await createConnection({ uri: benchConfig.BENCH_MYSQL_URL });
  try {
    for (const module of MODULES) await server.query(`DROP DATABASE IF EXISTS \`${prefix}_${module.name}\``);
  } finally {
    await server.end();
  }
  const started = Date.now();
  retainGeneratedWorld(true);
  const logger = createLogger('fill', 'warn');
  try {
    await Promise.all(
      MODULES.map(async (module) => {
        const db = await openDatabase({
          url: databaseUrl(benchConfig.BENCH_MYSQL_URL, prefix, module.name),
          entities: module.entities,
          migrations: module.migrations,
        });
        try {
          await module.seedIfEmpty?.(
            db,
            { seed: benchConfig.BENCH_SEED, residents, communityResidents: benchConfig.BENCH_COMMUNITY_RESIDENTS },
            logger,
          );
        } finally {
          await db.dataSource.destroy();
        }
      }),
    );
  } finally {
    retainGeneratedWorld(false);
  }
  const seconds = (Date.now() - started) / 1000;
  // Marks the databases as finished, for BENCH_REUSE: a fill cut short leaves no mark.
  const marker = await createConnection({ uri: benchConfig.BENCH_MYSQL_URL });
  try {
    await marker.query(
      `CREATE TABLE \`${prefix}_people\`.${MARK} (residents INT NOT NULL, community_residents INT NOT NULL, seed INT NOT NULL, seconds DOUBLE NOT NULL)`,
    );
    await marker.query(`INSERT INTO \`${prefix}_people\`.${MARK} VALUES (?, ?, ?, ?)`, [
      residents,
      benchConfig.BENCH_COMMUNITY_RESIDENTS,
      benchConfig.BENCH_SEED,
      seconds,
    ]);
  } finally {
    await marker.end();
  }
  return seconds;
}

if (process.argv[1]?.endsWith('fill.ts')) {
  const residents = Number(process.argv[2] ?? benchConfig.BENCH_STREET);
  const prefix = process.argv[3] ?? `bench_${residents}`;
  const seconds = await fill(residents, prefix);
  console.log(JSON.stringify({ residents, prefix, seconds }));
}
