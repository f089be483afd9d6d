/**
 * Imports residents from a street office's spreadsheet through the gateway:
 *   npm run import -- people.xlsx [--mode UPSERT] [--token <jwt>] [--gateway <url>] [--batch 1000] [--parallel 3]
 * CSV (UTF-8 or GBK) or XLSX with Chinese headers (docs/people.md lists them). Every row
 * ends in a report written beside the file (people.导入报告.csv). Exit code 0 when every
 * row was imported or already there, 1 when some rows failed, 2 when the file or the
 * command line is wrong.
 */
import { parseArgs } from 'node:util';
import { GATEWAY_FLAGS, gatewayAccess, runCommand, UsageError } from './people/cli.js';
import { importFile } from './people/import-file.js';

runCommand(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...GATEWAY_FLAGS,
      mode: { type: 'string', default: 'CREATE_ONLY' },
      batch: { type: 'string', default: '1000' },
      parallel: { type: 'string', default: '3' },
    },
  });
  const [file] = positionals;
  if (!file)
    throw new UsageError(
      '用法：npm run import -- <文件.xlsx|文件.csv> [--mode CREATE_ONLY|UPSERT] [--token <令牌>] [--gateway <网关地址>] [--batch 1000] [--parallel 3]',
    );
  if (values.mode !== 'CREATE_ONLY' && values.mode !== 'UPSERT')
    throw new UsageError('--mode 应为 CREATE_ONLY 或 UPSERT');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000)
    throw new UsageError('--batch 应为 1 至 1000 的整数');
  const concurrency = Number(values.parallel);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8)
    throw new UsageError('--parallel 应为 1 至 8 的整数');
  const summary = await importFile({
    file,
    ...gatewayAccess(values),
    mode: values.mode,
    batchSize,
    concurrency,
    onProgress: (done, total) => process.stderr.write(`已发送 ${done}/${total} 行\n`),
    onConfirmRetry: (reason) => process.stderr.write(`导入中断，等待服务恢复后复查已保存的行：${reason}\n`),
  });
  if (summary.fileProblem) process.stdout.write(`${summary.fileProblem}\n`);
  if (summary.ignoredColumns.length)
    process.stdout.write(`未识别的列（未导入）：${summary.ignoredColumns.join('、')}\n`);
  process.stdout.write(
    `共 ${summary.rows} 行：新增 ${summary.created}，更新 ${summary.updated}，未变 ${summary.unchanged}，失败 ${summary.failed}${summary.stored ? `，中断后复查确认已导入 ${summary.stored}` : ''}\n报告：${summary.reportFile}\n`,
  );
  if (summary.fileProblem) return 2;
  return summary.failed ? 1 : 0;
});
