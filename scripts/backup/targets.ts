import { z } from 'zod';
import { databaseUrl, parseConfig } from '../../subgraphs/kit/src/config.js';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/kit/src/subgraphs.js';

/** One subgraph's database, as the service itself would open it. */
export interface DatabaseTarget {
  subgraph: SubgraphName;
  kind: 'sqlite' | 'mysql';
  url: string;
}

/**
 * The databases the services use: the same variables and defaults as the kit's config
 * (`<NAME>_DATABASE_URL`, else `sqlite:data/<name>.sqlite`), so a backup or a restore
 * always works on the databases `npm start` opens with the same environment.
 */
export function databaseTargets(env: NodeJS.ProcessEnv = process.env): DatabaseTarget[] {
  const schema = z.object(
    Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_DATABASE_URL`, databaseUrl(`sqlite:data/${name}.sqlite`)]),
    ),
  );
  const config = parseConfig(schema, env) as Record<string, string>;
  return SUBGRAPHS.map(({ name }) => {
    const url = config[`${name.toUpperCase()}_DATABASE_URL`]!;
    return { subgraph: name, kind: url.startsWith('sqlite:') ? 'sqlite' : 'mysql', url };
  });
}

/** The SQLite file of a `sqlite:<file>` URL; null for an in-memory database, which nothing outside the process can read. */
export function sqliteFileOf(url: string): string | null {
  const file = url.slice('sqlite:'.length);
  return file && file !== ':memory:' ? file : null;
}

/** A URL without its password, for messages. */
export function displayUrl(url: string): string {
  if (!url.startsWith('mysql://')) return url;
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}
