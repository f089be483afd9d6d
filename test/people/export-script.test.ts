import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../subgraphs/kit/src/demo/world.js';
import { exportForm } from '../../scripts/people/form.js';
import { maskDocumentNumber, maskPhone } from '../../subgraphs/people/src/domain/masking.js';
import { PiiAccessLog } from '../../subgraphs/people/src/entities/pii-access-log.js';
import { tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { currentTagCodes, demo, world } from './support.js';

const run = promisify(execFile);
let platform: Platform;
let dir: string;

/** The community with the most empty-nest elders, so the form has rows whatever the seed. */
let community: { code: string; elders: DemoPerson[] };
let elders: DemoPerson[];
beforeAll(() => {
  community = [...new Set(world().grids.map((grid) => grid.communityCode))]
    .map((code) => ({
      code,
      elders: world().people.filter(
        (person) => person.areaCode.startsWith(code) && currentTagCodes(person.id).includes('EMPTY_NEST_ELDER'),
      ),
    }))
    .sort((a, b) => b.elders.length - a.elders.length)[0]!;
  elders = [...community.elders].sort((a, b) => (a.id < b.id ? -1 : 1));
});
const householdAddress = (householdId: string | null) =>
  demo().households.find((household) => household.id === householdId)?.address ?? '';

beforeAll(async () => {
  platform = await startPlatform();
  dir = await mkdtemp(join(tmpdir(), 'people-export-'));
});
afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function xlsxRows(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))),
  );
  return rows;
}

const request = (token: string, changes: Partial<Parameters<typeof exportForm>[0]> = {}) => ({
  gatewayUrl: platform.gatewayUrl,
  token,
  area: community.code,
  tags: ['空巢老人'],
  columns: ['姓名', '身份证号', '联系电话', '住址'],
  format: 'xlsx' as const,
  out: join(dir, 'form.xlsx'),
  purpose: null,
  ...changes,
});

describe('exporting a form', () => {
  it('writes an XLSX with Chinese headers, masked for a worker’s token', async () => {
    expect(elders.length).toBeGreaterThan(0);
    const worker = await tokenFor('COMMUNITY_WORKER', [community.code]);
    const result = await exportForm(request(worker, { purpose: 'VISIT_CARE' }));
    expect(result.rows).toBe(elders.length);
    const rows = await xlsxRows(result.file);
    expect(rows[0]).toEqual(['姓名', '身份证号', '联系电话', '住址']);
    expect(rows.slice(1)).toEqual(
      elders.map((person) => [
        person.name,
        maskDocumentNumber(person.idNumber),
        person.phone ? maskPhone(person.phone) : '',
        householdAddress(person.householdId),
      ]),
    );
  });

  it('shows numbers in full to a pii:read token with a purpose, and logs every unmasked read', async () => {
    const reader = await tokenFor('COMMUNITY_WORKER', [community.code], {
      permissions: ['pii:read'],
      subject: 'form-reader',
    });
    const log = platform.subgraphs.people.db.dataSource.getRepository(PiiAccessLog);
    const before = await log.count();
    const result = await exportForm(
      request(reader, {
        purpose: 'VISIT_CARE',
        format: 'csv',
        out: join(dir, 'form.csv'),
        columns: ['姓名', '性别', '年龄', '身份证号', '联系电话', '网格', '人群标签'],
      }),
    );
    const rows = parse(await readFile(result.file), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['姓名', '性别', '年龄', '身份证号', '联系电话', '网格', '人群标签']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4]])).toEqual(
      elders.map((person) => [
        person.name,
        person.gender === 'MALE' ? '男' : '女',
        person.idNumber,
        person.phone ?? '',
      ]),
    );
    expect(rows[1]?.[5]).toMatch(/网格/);
    expect(rows[1]?.[6]).toContain('空巢老人');
    const written = await log.find({ where: { viewerSubject: 'form-reader' } });
    expect(await log.count()).toBe(before + elders.length);
    expect(written.map((row) => row.purpose)).toEqual(elders.map(() => 'VISIT_CARE'));
  });

  it('exports a form whose columns unmask nothing, with or without a purpose', async () => {
    const worker = await tokenFor('COMMUNITY_WORKER', [community.code]);
    for (const purpose of [null, 'VISIT_CARE']) {
      const result = await exportForm(request(worker, { columns: ['姓名', '住址'], purpose }));
      expect(result.rows).toBe(elders.length);
      const rows = await xlsxRows(result.file);
      expect(rows[0]).toEqual(['姓名', '住址']);
      expect(rows.slice(1).map((row) => row[0])).toEqual(elders.map((person) => person.name));
    }
  });

  it('refuses an unknown tag or column with the ones it knows', async () => {
    const worker = await tokenFor('COMMUNITY_WORKER', [community.code]);
    await expect(exportForm(request(worker, { tags: ['火星人'] }))).rejects.toThrow(
      /未知的人群标签：火星人（可用：.*空巢老人/,
    );
    await expect(exportForm(request(worker, { columns: ['姓名', '血型'] }))).rejects.toThrow(/未知的列：血型/);
  });

  it('refuses a purpose that is not a catalogue code, naming the codes, before reading anything', async () => {
    const reader = await tokenFor('COMMUNITY_WORKER', [community.code], { permissions: ['pii:read'] });
    const log = platform.subgraphs.people.db.dataSource.getRepository(PiiAccessLog);
    const before = await log.count();
    for (const purpose of ['入户走访', 'ab', 'visit_care', '\u200b\u200b'])
      await expect(exportForm(request(reader, { purpose }))).rejects.toThrow(
        /未知的访问目的：.*VISIT_CARE（走访慰问）/,
      );
    const refused = await run(process.execPath, [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/export-form.ts',
      '--area',
      community.code,
      '--purpose',
      '冬季关爱走访',
      '--gateway',
      platform.gatewayUrl,
      '--token',
      reader,
    ]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).not.toBe(0);
    expect(refused?.stderr).toContain('未知的访问目的：冬季关爱走访');
    expect(await log.count()).toBe(before);
  });

  it('logs the purpose code and the note an export declares', async () => {
    const reader = await tokenFor('COMMUNITY_WORKER', [community.code], {
      permissions: ['pii:read'],
      subject: 'form-noter',
    });
    await exportForm(
      request(reader, { purpose: 'POLICY_VERIFICATION', note: '2026年低保复核', out: join(dir, 'n.xlsx') }),
    );
    const log = platform.subgraphs.people.db.dataSource.getRepository(PiiAccessLog);
    const written = await log.find({ where: { viewerSubject: 'form-noter' } });
    expect(written).toHaveLength(elders.length);
    expect(new Set(written.map((row) => `${row.purpose}|${row.note}`))).toEqual(
      new Set(['POLICY_VERIFICATION|2026年低保复核']),
    );
  });

  it('runs as the command the issue names', async () => {
    const worker = await tokenFor('COMMUNITY_WORKER', [community.code]);
    const out = join(dir, 'command.xlsx');
    const { stdout } = await run(process.execPath, [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/export-form.ts',
      '--area',
      community.code,
      '--tag',
      '空巢老人',
      '--columns',
      '姓名,身份证号,联系电话,住址',
      '--format',
      'xlsx',
      '--out',
      out,
      '--gateway',
      platform.gatewayUrl,
      '--token',
      worker,
    ]);
    expect(stdout).toContain(`已导出 ${elders.length} 行`);
    expect((await xlsxRows(out))[0]).toEqual(['姓名', '身份证号', '联系电话', '住址']);
  });
});
