import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../scripts/people/import-file.js';
import { REPORT_HEADERS } from '../../scripts/people/report.js';
import type { DemoGrid } from '../../subgraphs/kit/src/demo/world.js';
import { makeIdNumber } from '../../subgraphs/people/src/domain/id-number.js';
import { Person } from '../../subgraphs/people/src/entities/person.js';
import { tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { gridOf, idNumberSource, residentsUnder, world } from './support.js';

const run = promisify(execFile);
const STREET = '510116001';
let platform: Platform;
let dir: string;
let token: string;

beforeAll(async () => {
  platform = await startPlatform();
  dir = await mkdtemp(join(tmpdir(), 'people-import-'));
  token = await tokenFor('INTEGRATION', [STREET], { subject: 'street-platform' });
});
afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const peopleCount = () => platform.subgraphs.people.db.dataSource.getRepository(Person).count();
const importing = (file: string, mode: 'CREATE_ONLY' | 'UPSERT' = 'CREATE_ONLY') =>
  importFile({ file, gatewayUrl: platform.gatewayUrl, token, mode });

/** The report as rows of its Chinese columns. */
async function reportOf(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(file), { bom: true, columns: true }) as Record<string, string>[];
}

let micro: DemoGrid;
beforeAll(() => {
  micro = gridOf('MICRO', '510116001003');
});
const fresh = idNumberSource('510116');
const withWrongCheck = (idNumber: string) => `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
const HEADERS = ['序号', '姓名', '身份证号', '性别', '联系电话', '人口类型', '网格编码', '人群标签', '职业'];

async function writeXlsx(file: string, rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人口');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

describe('importing a street office spreadsheet through the gateway', () => {
  let duplicated: string;
  let good: (string | number)[][];
  let bad: (string | number)[][];
  beforeAll(() => {
    duplicated = fresh('1952-02-02', 'FEMALE');
    good = [
      [1, '陈桂英', fresh('1941-07-07', 'FEMALE'), '女', '13812345678', '户籍', micro.code, '空巢老人', ''],
      [2, '林志强', fresh('1990-01-15'), '男', '15912345678', '流动', micro.code, '新就业形态劳动者、党员', '外卖骑手'],
      [3, '黄秀兰', duplicated, '女', '', '常住', micro.code, '', ''],
    ];
    bad = [
      [4, '错校验', withWrongCheck(fresh('1979-09-09')), '男', '', '户籍', micro.code, '', ''],
      [5, '错日期', makeIdNumber('510116', '1999-02-31', 11), '男', '', '户籍', micro.code, '', ''],
      [6, '旧号码', '510116520202002', '女', '', '户籍', micro.code, '', ''],
      [7, '短手机', fresh('1980-03-03'), '男', '1381234567', '户籍', micro.code, '', ''],
      [8, '怪标签', fresh('1981-04-04'), '男', '', '户籍', micro.code, '火星人', ''],
      [9, '重复行', duplicated, '女', '', '常住', micro.code, '', ''],
      [10, '数字格', Number(fresh('1982-05-05').slice(0, 17)) * 10, '男', '', '户籍', micro.code, '', ''],
      [
        11,
        '外社区',
        fresh('1983-06-06'),
        '男',
        '',
        '户籍',
        world().grids.find((grid) => grid.type === 'MICRO' && grid.code.startsWith('510115'))!.code,
        '',
        '',
      ],
    ];
  });

  it('saves the good rows, reports every bad one by row beside the file, and adds nothing the second time', async () => {
    const file = join(dir, '东升街道人口.xlsx');
    await writeXlsx(file, [...good, ...bad]);
    const before = await peopleCount();
    const summary = await importing(file);
    expect(summary).toMatchObject({
      rows: 11,
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 8,
      fileProblem: null,
      ignoredColumns: ['序号'],
      reportFile: join(dir, '东升街道人口.导入报告.csv'),
    });
    expect(await peopleCount()).toBe(before + 3);

    const report = await reportOf(summary.reportFile);
    expect(Object.keys(report[0]!)).toEqual(REPORT_HEADERS);
    const failures = Object.fromEntries(
      report
        .filter((line) => line['结果'] === '失败')
        .map((line) => [line['行号'], `${line['错误代码']}@${line['列']}`]),
    );
    // Spreadsheet rows: the header is row 1, so 序号 n is row n + 1.
    expect(failures).toEqual({
      5: 'INVALID_ID_NUMBER@身份证号',
      6: 'INVALID_ID_NUMBER@身份证号',
      7: 'INVALID_ID_NUMBER@身份证号',
      8: 'INVALID_PHONE@联系电话',
      9: 'UNKNOWN_TAG@人群标签',
      10: 'DUPLICATE_IN_FILE@身份证号',
      11: 'NUMERIC_ID_CELL@身份证号',
      12: 'GRID_NOT_FOUND@网格编码',
    });
    expect(report.filter((line) => line['结果'] === '新增').map((line) => line['行号'])).toEqual(['2', '3', '4']);
    expect(report.find((line) => line['行号'] === '10')?.['说明']).toBe('与第 4 行的证件号码重复');
    expect(report.find((line) => line['错误代码'] === 'IGNORED_COLUMNS')?.['说明']).toContain('序号');

    const again = await importing(file);
    expect(again).toMatchObject({ created: 0, unchanged: 3, failed: 8 });
    expect(await peopleCount()).toBe(before + 3);
  });

  it('reads CSV in UTF-8 with a BOM, reports a broken row and carries on after it', async () => {
    const file = join(dir, 'broken.csv');
    const line = (name: string, idNumber: string) => `${name},${idNumber},${micro.code}`;
    await writeFile(
      file,
      `\uFEFF姓名,身份证号,网格编码\n${line('赵一', fresh('1960-01-01'))}\n钱二,${fresh('1960-02-02')},${micro.code},多余一列\n\n${line('孙三', fresh('1960-03-03'))}\n`,
    );
    const summary = await importing(file);
    expect(summary).toMatchObject({ rows: 3, created: 2, failed: 1 });
    const report = await reportOf(summary.reportFile);
    expect(report.find((entry) => entry['行号'] === '3')).toMatchObject({
      结果: '失败',
      错误代码: 'BROKEN_ROW',
      说明: '列数与表头不一致（第 3 行）',
    });
  });

  it('reads a GBK CSV as Excel on a Chinese Windows saves it', async () => {
    const file = join(dir, 'gbk.csv');
    // 姓名,身份证号,网格编码 / 王芳,… in GBK.
    const gbk = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
    const idNumber = fresh('1975-05-05', 'FEMALE');
    await writeFile(
      file,
      Buffer.concat([
        gbk('D0D5 C3FB'),
        Buffer.from(','),
        gbk('C9ED B7DD D6A4 BAC5'),
        Buffer.from(','),
        gbk('CDF8 B8F1 B1E0 C2EB'),
        Buffer.from('\r\n'),
        gbk('CDF5 B7BC'),
        Buffer.from(`,${idNumber},${micro.code}\r\n`),
      ]),
    );
    expect(new TextDecoder('gb18030').decode(await readFile(file))).toContain('姓名,身份证号,网格编码');
    const summary = await importing(file);
    expect(summary).toMatchObject({ rows: 1, created: 1, failed: 0 });
    expect(
      await platform.subgraphs.people.db.dataSource.getRepository(Person).findOneByOrFail({ idNumber }),
    ).toMatchObject({ name: '王芳' });
  });

  it.each([
    ['an empty file', '', 'EMPTY_FILE'],
    ['a file with a header and no rows', '姓名,身份证号\n', 'EMPTY_FILE'],
    ['a file without an ID number column', `姓名,电话\n张三,13812345678\n`, 'MISSING_COLUMNS'],
  ])('refuses %s as a whole, with a report', async (_, content, code) => {
    const file = join(dir, `${code}-${content.length}.csv`);
    await writeFile(file, content);
    const before = await peopleCount();
    const summary = await importing(file);
    expect(summary.fileProblem).not.toBeNull();
    expect((await reportOf(summary.reportFile)).map((line) => line['错误代码'])).toContain(code);
    expect(await peopleCount()).toBe(before);
  });

  it('runs as a command: the exit code says whether rows failed', async () => {
    const file = join(dir, 'command.xlsx');
    await writeXlsx(file, [
      [1, '周八', fresh('1970-07-07'), '男', '', '户籍', micro.code, '', ''],
      [2, '吴九', '123', '男', '', '户籍', micro.code, '', ''],
    ]);
    const command = run(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/import-people.ts', file, '--gateway', platform.gatewayUrl],
      { env: { ...process.env, GRAPH_TOKEN: token } },
    );
    const failed = await command.then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('共 2 行：新增 1，更新 0，未变 0，失败 1');
    const missingToken = await run(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/import-people.ts', file],
      { env: { ...process.env, GRAPH_TOKEN: '' } },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(missingToken?.code).toBe(2);
    expect(missingToken?.stderr).toContain('缺少令牌');
  });
});

describe('a file of 50,000 rows', () => {
  it('imports every row in batches of 1,000, three in flight, and reports them all', async () => {
    const file = join(dir, '五万人.csv');
    const micros = world().grids.filter((grid) => grid.type === 'MICRO' && grid.code.startsWith(STREET));
    const lines = ['姓名,身份证号,联系电话,人口类型,网格编码,人群标签'];
    for (let index = 0; index < 50_000; index += 1) {
      // Distinct numbers: a birth date per 500 rows, a sequence inside it.
      const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(index / 500) * 86_400_000 * 97)
        .toISOString()
        .slice(0, 10);
      const idNumber = makeIdNumber('510181', birth, index % 500);
      lines.push(
        `居民${String.fromCharCode(0x4e00 + (index % 2000))}${String.fromCharCode(0x4e00 + Math.floor(index / 2000))},${idNumber},138${String(index).padStart(8, '0')},${['户籍', '常住', '流动'][index % 3]},${micros[index % micros.length]!.code},${index % 7 ? '' : '党员'}`,
      );
    }
    await writeFile(file, `${lines.join('\n')}\n`);
    const before = await peopleCount();
    const started = performance.now();
    const summary = await importing(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `imported 50,000 rows in ${seconds.toFixed(1)} s (${Math.round(50_000 / seconds)} rows/s) on ${process.env.TEST_MYSQL_URL ? 'MariaDB' : 'SQLite'}`,
    );
    expect(summary).toMatchObject({ rows: 50_000, created: 50_000, failed: 0 });
    expect(await peopleCount()).toBe(before + 50_000);
    expect((await reportOf(summary.reportFile)).filter((line) => line['结果'] === '新增')).toHaveLength(50_000);
    expect(residentsUnder(STREET).length).toBeGreaterThan(0);
  }, 600_000);
});
