import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface Cell {
  text: string;
  /** True when a spreadsheet stored the value as a number (long numbers lose digits there). */
  numeric: boolean;
}

export interface TableRow {
  /** The row's line in the file (CSV) or its row number (XLSX), as the office sees it. */
  line: number;
  cells: Cell[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
  /** Lines the parser could not read, with why: reported, never dropped. */
  broken: { line: number; message: string }[];
}

/** Excel saves CSV in the Windows code page (GBK on Chinese systems) unless told UTF-8. */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: '列数与表头不一致',
  CSV_QUOTE_NOT_CLOSED: '引号未闭合，此行及其后内容无法读取',
  CSV_INVALID_CLOSING_QUOTE: '引号使用不正确',
};

function readCsv(buffer: Buffer): Table {
  const broken: Table['broken'] = [];
  let lastLine = 0;
  const records = parse(decode(buffer), {
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (!error) return undefined;
      const last = Number(error.lines);
      broken.push({
        line: lastLine + 1,
        message: `${CSV_MESSAGES[error.code] ?? error.message}（第 ${lastLine + 1}${last > lastLine + 1 ? ` 至 ${last}` : ''} 行）`,
      });
      return undefined;
    },
    on_record: (record, context) => {
      lastLine = context.lines;
      return record;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rows] = records;
  return {
    headers: header?.record ?? [],
    rows: rows.map((row) => ({ line: row.info.lines, cells: row.record.map((text) => ({ text, numeric: false })) })),
    broken,
  };
}

function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join(''), numeric: false };
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return { text: String(value.text), numeric: false };
  if ('error' in value) return { text: String(value.error), numeric: false };
  return { text: String(value), numeric: false };
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  let headers: string[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    // ExcelJS rows are 1-based: slot 0 is empty.
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    if (!headers.length) headers = cells.map((cell) => cell.text);
    else if (cells.some((cell) => cell.text.trim())) rows.push({ line: number, cells });
  });
  return { headers, rows, broken: [] };
}

/** Reads the first sheet of an XLSX file, or a CSV file (UTF-8 or GBK), with csv-parse and exceljs. */
export async function readTable(file: string): Promise<Table> {
  const buffer = await readFile(file);
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return readXlsx(buffer);
  if (extension === '.csv' || extension === '.txt') return readCsv(buffer);
  throw new Error(`不支持的文件类型 ${extension || '(无扩展名)'}：请使用 .xlsx 或 .csv`);
}
