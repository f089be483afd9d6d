import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * A fresh database URL for one test file: an in-memory SQLite database by default, or a
 * new MySQL database when TEST_MYSQL_URL is set (`npm run test:mysql`). `drop` removes
 * the MySQL database afterwards.
 */
export function freshDatabaseUrl(label: string): { url: string; drop: () => Promise<void> } {
  const base = process.env.TEST_MYSQL_URL;
  if (!base) return { url: 'sqlite::memory:', drop: async () => {} };
  const name = `t_${label}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const server = new URL(base);
      server.pathname = '/';
      const connection = await createConnection({ uri: server.toString() });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
