/**
 * Writes the table (统一表单) a business line asks for, through the gateway with the
 * caller's token:
 *   npm run export -- --area 510116001011 --tag 空巢老人 --columns 姓名,身份证号,联系电话,住址 --format xlsx
 * Options: --out <file>, --purpose <code> (a code of the purpose catalogue, default
 * VISIT_CARE 走访慰问: unmasks with a `pii:read` token, and every unmasked read is logged
 * with it), --note <text> (logged with the purpose), --all-statuses (moved-out and deceased
 * too), --token, --gateway.
 */
import { parseArgs } from 'node:util';
import { isAreaCode } from '../subgraphs/kit/src/area-code.js';
import { shanghaiToday } from '../subgraphs/kit/src/time.js';
import { GATEWAY_FLAGS, gatewayAccess, runCommand, UsageError } from './people/cli.js';
import { checkPurpose, DEFAULT_EXPORT_PURPOSE, exportForm } from './people/form.js';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[,，、]/)
    .map((item) => item.trim())
    .filter(Boolean);

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      ...GATEWAY_FLAGS,
      area: { type: 'string' },
      tag: { type: 'string', multiple: true },
      columns: { type: 'string', default: '姓名,性别,年龄,身份证号,联系电话,住址' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      purpose: { type: 'string', default: DEFAULT_EXPORT_PURPOSE },
      note: { type: 'string' },
      'all-statuses': { type: 'boolean', default: false },
    },
  });
  if (!values.area || !isAreaCode(values.area))
    throw new UsageError('--area 应为 6、9、12、15 或 18 位数字的区划或网格编码');
  if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError('--format 应为 xlsx 或 csv');
  checkPurpose(values.purpose);
  const tags = (values.tag ?? []).flatMap(list);
  const day = shanghaiToday().toISOString().slice(0, 10).replaceAll('-', '');
  const out = values.out ?? `表单-${values.area}${tags.length ? `-${tags.join('-')}` : ''}-${day}.${values.format}`;
  const { file, rows } = await exportForm({
    ...gatewayAccess(values),
    area: values.area,
    tags,
    columns: list(values.columns),
    format: values.format,
    out,
    purpose: values.purpose,
    note: values.note ?? null,
    allStatuses: values['all-statuses'],
  });
  process.stdout.write(`已导出 ${rows} 行：${file}\n`);
  return 0;
});
