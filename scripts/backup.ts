/**
 * Backs up every subgraph's database into a new folder (owner-only, 0700):
 *   npm run backup [-- --out <folder>]      (default backups/<UTC time>/)
 * The databases are the ones the services open with the same environment
 * (PEOPLE_DATABASE_URL..., else data/<name>.sqlite). SQLite goes through its online backup
 * API, MySQL/MariaDB through `mariadb-dump --single-transaction`: both safe while the
 * services write. manifest.json records the start time and, per database, its file, size,
 * rows per table and SHA-256. Restore with `npm run restore -- <folder>`.
 */
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dumpMysql } from './backup/mariadb.js';
import { type ManifestEntry, PRIVATE_FOLDER_MODE, sha256Of, writeManifest } from './backup/manifest.js';
import { backupSqlite } from './backup/sqlite.js';
import { databaseTargets, sqliteFileOf } from './backup/targets.js';
import { runCommand, UsageError } from './people/cli.js';

runCommand(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const targets = databaseTargets();
  for (const target of targets)
    if (target.kind === 'sqlite' && !sqliteFileOf(target.url))
      throw new UsageError(`${target.subgraph} 使用内存数据库（${target.url}），无法备份`);
  const started = new Date();
  const folder = values.out ?? join('backups', started.toISOString().replaceAll(':', '-'));
  const existing = await readdir(folder).catch(() => null);
  if (existing?.length) throw new UsageError(`备份文件夹已存在且不为空：${folder}`);
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  await chmod(folder, PRIVATE_FOLDER_MODE);

  const databases: ManifestEntry[] = [];
  for (const target of targets) {
    const file = `${target.subgraph}.${target.kind === 'sqlite' ? 'sqlite' : 'sql'}`;
    const path = join(folder, file);
    const tables =
      target.kind === 'sqlite'
        ? await backupSqlite(sqliteFileOf(target.url)!, path)
        : await dumpMysql(target.url, path);
    const entry = { subgraph: target.subgraph, kind: target.kind, file, bytes: (await stat(path)).size, tables };
    databases.push({ ...entry, sha256: await sha256Of(path) });
    const rows = Object.values(tables).reduce((sum, count) => sum + count, 0);
    process.stdout.write(`${target.subgraph}：${file}，${Object.keys(tables).length} 张表，${rows} 行\n`);
  }
  await writeManifest(folder, {
    format: 1,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    databases,
  });
  process.stdout.write(`备份完成：${folder}\n`);
  return 0;
});
