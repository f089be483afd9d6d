import { cpus, totalmem, release } from 'node:os';
import { createConnection } from 'mysql2/promise';

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(mysqlUrl: string) {
  const connection = await createConnection({ uri: mysqlUrl });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
    const row = (rows as { version: string; pool: number | string }[])[0];
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      kernel: release(),
      node: process.version,
      mariadb: row?.version ?? 'unknown',
      bufferPoolMB: Math.round(Number(row?.pool ?? 0) / 1024 ** 2),
    };
  } finally {
    await connection.end();
  }
}

/**
 * Grows InnoDB's buffer pool to `megabytes` for the run when it is smaller (a resize
 * MariaDB and MySQL make online, in chunks) and gives back a function that restores the
 * size it found.
 */
export async function sizeBufferPool(mysqlUrl: string, megabytes: number): Promise<() => Promise<void>> {
  const connection = await createConnection({ uri: mysqlUrl });
  const size = async () => {
    const [rows] = await connection.query('SELECT @@innodb_buffer_pool_size AS pool');
    return Number((rows as { pool: number | string }[])[0]?.pool ?? 0);
  };
  const resize = async (bytes: number) => {
    await connection.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
    // The server rounds to whole chunks and resizes in the background: wait for it to settle.
    for (let tries = 0; tries < 120; tries += 1) {
      const [status] = await connection.query("SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'");
      const text = String((status as { Value?: string }[])[0]?.Value ?? '');
      if (!text || /complete|finished/i.test(text)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  try {
    const before = await size();
    const wanted = megabytes * 1024 ** 2;
    if (!megabytes || before >= wanted) return async () => {};
    await resize(wanted);
    return async () => {
      const restore = await createConnection({ uri: mysqlUrl });
      try {
        await restore.query('SET GLOBAL innodb_buffer_pool_size = ?', [before]);
      } finally {
        await restore.end();
      }
    };
  } finally {
    await connection.end();
  }
}
