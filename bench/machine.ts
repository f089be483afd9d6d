import { cpus, totalmem, release } from 'node:os';
import { createConnection } from 'mysql2/promise';

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(mysqlUrl: string) {
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = (rows as { version: string }[])[0]?.version ?? 'unknown';
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      kernel: release(),
      node: process.version,
      mariadb: version,
    };
  } finally {
    await connection.end();
  }
}
