import type { ImportRowText } from '../../subgraphs/people/src/domain/import-values.js';

/**
 * The Chinese column headers street offices' spreadsheets use, and the import field each
 * one fills. The first header of each entry is the one docs/people.md shows; the others
 * are what other offices call the same column.
 */
export const IMPORT_COLUMNS: readonly { field: keyof ImportRowText; headers: readonly string[]; required?: boolean }[] =
  [
    { field: 'name', headers: ['姓名'], required: true },
    { field: 'documentType', headers: ['证件类型'] },
    { field: 'idNumber', headers: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '证件号'], required: true },
    { field: 'gender', headers: ['性别'] },
    { field: 'birthDate', headers: ['出生日期'] },
    { field: 'phone', headers: ['联系电话', '手机号', '手机号码', '电话'] },
    { field: 'residencyType', headers: ['人口类型', '户籍类型', '居住类型'] },
    { field: 'residencySince', headers: ['居住起始日期', '来本地日期', '入住日期'] },
    { field: 'gridCode', headers: ['网格编码', '所属网格编码', '网格编号'] },
    { field: 'gridId', headers: ['网格ID'] },
    { field: 'buildingId', headers: ['楼栋ID', '楼栋编号'] },
    { field: 'room', headers: ['房号', '门牌号', '房间号'] },
    { field: 'tags', headers: ['人群标签', '特殊人群', '重点人群', '标签'] },
    { field: 'occupation', headers: ['职业', '从业类型'] },
  ];

/** Headers as typed: spaces, line breaks and the * marking required columns do not count. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

export interface HeaderMap {
  /** Column index → field. */
  columns: Map<number, keyof ImportRowText>;
  /** Headers that fill no field: named in the report, never silently dropped. */
  ignored: string[];
  /** Required fields no header fills. */
  missing: string[];
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const byHeader = new Map(
    IMPORT_COLUMNS.flatMap((column) => column.headers.map((header) => [header, column.field] as const)),
  );
  const columns = new Map<number, keyof ImportRowText>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = byHeader.get(normaliseHeader(header));
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
    else if (header.trim()) ignored.push(header.trim());
  });
  const filled = new Set(columns.values());
  const missing = IMPORT_COLUMNS.filter((column) => column.required && !filled.has(column.field)).map(
    (column) => column.headers[0] ?? column.field,
  );
  return { columns, ignored, missing };
}

/** The header to name in a report for a field the server refused. */
export function headerOf(field: string): string {
  return IMPORT_COLUMNS.find((column) => column.field === field)?.headers[0] ?? field;
}
