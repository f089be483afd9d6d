/**
 * Restores a backup made by `npm run backup` into the databases the services use:
 *   npm run restore -- <backup folder> [--force]
 * Stop the services first. Every file's SHA-256 is checked against the manifest before
 * anything is written; a target database that holds rows is refused unless --force; after
 * the restore each table's rows are counted against the manifest. Exit code 0 when all
 * databases were restored and counted, 1 when refused or a count differs, 2 for usage.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mysqlRowCounts, restoreMysql } from './backup/mariadb.js';
import { dataRows, readManifest, sha256Of } from './backup/manifest.js';
import { existingSqliteRows, restoreSqlite, sqliteRowCounts } from './backup/sqlite.js';
import { databaseTargets, displayUrl, sqliteFileOf } from './backup/targets.js';
import { runCommand, UsageError } from './people/cli.js';

runCommand(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
  const [folder] = positionals;
  if (!folder) throw new UsageError('用法：npm run restore -- <备份文件夹> [--force]');
  const manifest = await readManifest(folder);
  const targets = new Map(databaseTargets().map((target) => [target.subgraph, target]));

  // Everything is checked before the first byte is written: a bad file or a full target restores nothing.
  for (const entry of manifest.databases) {
    const actual = await sha256Of(join(folder, entry.file)).catch(() => 'missing');
    if (actual !== entry.sha256)
      throw new Error(`备份文件校验失败：${entry.file} 的 SHA-256 与清单不符（文件损坏或被改动），未恢复任何数据库`);
    const target = targets.get(entry.subgraph)!;
    if (target.kind !== entry.kind)
      throw new Error(
        `${entry.subgraph} 的备份是 ${entry.kind}，目标数据库却是 ${target.kind}（${displayUrl(target.url)}），未恢复任何数据库`,
      );
    if (target.kind === 'sqlite' && !sqliteFileOf(target.url))
      throw new UsageError(`${entry.subgraph} 的目标是内存数据库（${target.url}），无法恢复`);
    if (values.force) continue;
    const existing =
      target.kind === 'sqlite' ? await existingSqliteRows(sqliteFileOf(target.url)!) : await mysqlRowCounts(target.url);
    const rows = existing ? dataRows(existing) : 0;
    if (rows > 0)
      throw new Error(
        `目标数据库不为空：${entry.subgraph}（${displayUrl(target.url)}）已有 ${rows} 行，未恢复任何数据库；确需覆盖请加 --force`,
      );
  }

  let mismatches = 0;
  for (const entry of manifest.databases) {
    const target = targets.get(entry.subgraph)!;
    const file = join(folder, entry.file);
    let restored: Record<string, number>;
    if (target.kind === 'sqlite') {
      await restoreSqlite(file, sqliteFileOf(target.url)!);
      restored = sqliteRowCounts(sqliteFileOf(target.url)!);
    } else {
      await restoreMysql(file, target.url);
      restored = await mysqlRowCounts(target.url);
    }
    const differing = Object.entries(entry.tables).filter(([table, rows]) => restored[table] !== rows);
    mismatches += differing.length;
    const total = Object.values(entry.tables).reduce((sum, rows) => sum + rows, 0);
    process.stdout.write(
      differing.length
        ? `${entry.subgraph}：行数与清单不符：${differing.map(([table, rows]) => `${table} 应为 ${rows}，实为 ${restored[table] ?? '无此表'}`).join('；')}\n`
        : `${entry.subgraph}：已恢复到 ${displayUrl(target.url)}，${Object.keys(entry.tables).length} 张表 ${total} 行，与清单一致\n`,
    );
  }
  process.stdout.write(
    mismatches ? '恢复完成，但有表的行数与清单不符\n' : `恢复完成：备份时间 ${manifest.startedAt}\n`,
  );
  return mismatches ? 1 : 0;
});
