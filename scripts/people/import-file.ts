import { createGraphClient } from '../../subgraphs/kit/src/graph-client.js';
import type { ImportRowText } from '../../subgraphs/people/src/domain/import-values.js';
import { confirmStoredWhenBack } from './confirm-stored.js';
import { headerOf, mapHeaders } from './header-mapping.js';
import { readTable, type TableRow } from './read-table.js';
import { reportPathFor, writeReport, type ReportLine } from './report.js';

export const MAX_BATCH = 1000;

export interface ImportOptions {
  file: string;
  gatewayUrl: string;
  /** The caller's token: the gateway and the people subgraph apply its scope and permissions. */
  token: string;
  mode: 'CREATE_ONLY' | 'UPSERT';
  batchSize?: number;
  /** Batches in flight at once: the gateway and the database work on one while the next is checked. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * After a batch whose answer never came, how long to keep asking the graph which of its
   * rows were saved (a crashed subgraph is usually back within seconds); 120 s when unset.
   */
  confirmWaitMs?: number;
  /** Told each time that re-reading failed and will be tried again. */
  onConfirmRetry?: (reason: string) => void;
}

export interface ImportSummary {
  reportFile: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows whose batch got no answer and which the database, asked afterwards, holds. */
  stored: number;
  failed: number;
  /** A problem with the whole file (empty, no required column, unreadable); then nothing was sent. */
  fileProblem: string | null;
  ignoredColumns: string[];
  lines: ReportLine[];
}

const IMPORT = `mutation($rows: [PersonImportRow!]!, $mode: ImportMode) {
  importPeople(rows: $rows, mode: $mode) {
    results { rowNumber outcome person { id } userErrors { code field message } }
    userErrors { code message }
  }
}`;

interface ImportResponse {
  importPeople: {
    results: {
      rowNumber: number;
      outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
      person: { id: string } | null;
      userErrors: { code: string; field: string[] | null; message: string }[];
    }[];
    userErrors: { code: string; message: string }[];
  };
}

const failedLine = (line: number | null, code: string, column: string, message: string): ReportLine => ({
  line,
  outcome: 'FAILED',
  code,
  column,
  message,
  personId: '',
});

/** The number as the server will compare it, to find a file's duplicate rows before sending. */
const numberKey = (text: string | null | undefined) => text?.replace(/\s+/g, '').toUpperCase() || null;

/** Rows the file itself rules out: an ID number Excel kept as a number, a number an earlier row has. */
function rowsToSend(
  rows: readonly TableRow[],
  columns: Map<number, keyof ImportRowText>,
): { send: { line: number; row: ImportRowText }[]; refused: ReportLine[] } {
  const idColumn = [...columns.entries()].find(([, field]) => field === 'idNumber')?.[0];
  const firstLine = new Map<string, number>();
  const send: { line: number; row: ImportRowText }[] = [];
  const refused: ReportLine[] = [];
  for (const { line, cells } of rows) {
    const row: ImportRowText = {};
    for (const [index, field] of columns) row[field] = cells[index]?.text ?? '';
    const idCell = idColumn === undefined ? undefined : cells[idColumn];
    if (idCell?.numeric && idCell.text.replace(/\D/g, '').length >= 16) {
      refused.push(
        failedLine(
          line,
          'NUMERIC_ID_CELL',
          headerOf('idNumber'),
          '证件号码以数字格式保存，Excel 已丢失末尾几位：请把该列设为“文本”格式后重新填写',
        ),
      );
      continue;
    }
    const key = numberKey(row.idNumber);
    const earlier = key ? firstLine.get(key) : undefined;
    if (earlier !== undefined) {
      refused.push(failedLine(line, 'DUPLICATE_IN_FILE', headerOf('idNumber'), `与第 ${earlier} 行的证件号码重复`));
      continue;
    }
    if (key) firstLine.set(key, line);
    send.push({ line, row });
  }
  return { send, refused };
}

function resultLines(response: ImportResponse['importPeople'], batch: { line: number }[]): ReportLine[] {
  if (response.userErrors.length)
    return batch.map(({ line }) =>
      failedLine(line, response.userErrors[0]?.code ?? 'BATCH_REFUSED', '', response.userErrors[0]?.message ?? ''),
    );
  return response.results.flatMap((result) => {
    const personId = result.person?.id ?? '';
    if (result.outcome !== 'FAILED')
      return [{ line: result.rowNumber, outcome: result.outcome, code: '', column: '', message: '', personId }];
    return result.userErrors.map((error) =>
      failedLine(result.rowNumber, error.code, headerOf(error.field?.[0] ?? ''), error.message),
    );
  });
}

/**
 * Sends the rows in batches, a few in flight at once. A batch the gateway refuses stops the
 * import: the rows not yet sent are reported as not imported. A failed request does not
 * say whether its rows were saved (a subgraph may crash after its commit, or a timeout
 * fire after it), so the rows of every failed batch are looked up afterwards: each is
 * reported stored or not imported as the database has it.
 */
async function sendInBatches(
  send: { line: number; row: ImportRowText }[],
  options: ImportOptions,
  batchSize: number,
): Promise<ReportLine[]> {
  const graph = createGraphClient(options.gatewayUrl, 120_000);
  const batches: { line: number; row: ImportRowText }[][] = [];
  for (let start = 0; start < send.length; start += batchSize) batches.push(send.slice(start, start + batchSize));
  const lines: ReportLine[] = [];
  const unanswered: { line: number; row: ImportRowText }[] = [];
  let next = 0;
  let sent = 0;
  let failure: string | null = null;
  const notSent = (batch: { line: number }[], message: string) =>
    lines.push(
      ...batch.map(({ line }) => ({
        line,
        outcome: 'NOT_SENT' as const,
        code: 'BATCH_FAILED',
        column: '',
        message,
        personId: '',
      })),
    );
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      if (failure) {
        notSent(batch, failure);
        continue;
      }
      try {
        const data = await graph.request<ImportResponse>(
          IMPORT,
          { mode: options.mode, rows: batch.map(({ line, row }) => ({ ...row, rowNumber: line })) },
          `Bearer ${options.token}`,
        );
        lines.push(...resultLines(data.importPeople, batch));
        sent += batch.length;
        options.onProgress?.(sent, send.length);
      } catch (error) {
        failure ??= `本批导入失败，未导入：${(error as Error).message}`;
        unanswered.push(...batch);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
  if (unanswered.length) lines.push(...(await confirmUnanswered(unanswered, options, failure ?? '')));
  return lines;
}

/** The rows of failed batches, as the database holds them once it answers again. */
async function confirmUnanswered(
  rows: { line: number; row: ImportRowText }[],
  options: ImportOptions,
  failure: string,
): Promise<ReportLine[]> {
  const confirmation = await confirmStoredWhenBack(
    createGraphClient(options.gatewayUrl, 60_000),
    options.token,
    rows,
    options.confirmWaitMs ?? 120_000,
    options.onConfirmRetry,
  );
  return rows.map(({ line }): ReportLine => {
    const base = { line, column: '', personId: '' };
    if (!confirmation)
      return {
        ...base,
        outcome: 'UNCONFIRMED',
        code: 'BATCH_UNCONFIRMED',
        message: `${failure}；之后也无法查询数据库，不能确定是否已保存：请在服务恢复后重新导入（已保存的行将显示为“未变”）`,
      };
    const personId = confirmation.get(line);
    return personId
      ? { ...base, outcome: 'STORED', code: '', message: '本批请求中断，复查数据库确认已保存', personId }
      : { ...base, outcome: 'NOT_SENT', code: 'BATCH_FAILED', message: `${failure}（复查数据库确认未保存）` };
  });
}

/**
 * Imports a CSV or XLSX file through the gateway in batches, with the caller's token.
 * Every row of the file ends in the report (created, updated, unchanged, or failed with
 * its line, code, column and message), written beside the input.
 */
export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const reportFile = reportPathFor(options.file);
  const batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH));
  const table = await readTable(options.file);
  const header = mapHeaders(table.headers);
  const lines: ReportLine[] = table.broken.map((broken) => failedLine(broken.line, 'BROKEN_ROW', '', broken.message));
  if (header.ignored.length) {
    lines.push({
      line: null,
      outcome: 'NOTE',
      code: 'IGNORED_COLUMNS',
      column: header.ignored.join('、'),
      message: `以下列无对应字段，未导入：${header.ignored.join('、')}`,
      personId: '',
    });
  }
  let fileProblem: string | null = null;
  if (!table.headers.length || (!table.rows.length && !table.broken.length))
    fileProblem = '文件为空：没有表头或没有数据行';
  else if (header.missing.length) fileProblem = `缺少必需的列：${header.missing.join('、')}`;
  if (fileProblem) {
    lines.push(
      failedLine(
        null,
        fileProblem.startsWith('文件为空') ? 'EMPTY_FILE' : 'MISSING_COLUMNS',
        header.missing.join('、'),
        fileProblem,
      ),
    );
    lines.push(
      ...table.rows.map(({ line }) => ({
        line,
        outcome: 'NOT_SENT' as const,
        code: '',
        column: '',
        message: '文件有误，未导入',
        personId: '',
      })),
    );
  } else {
    const { send, refused } = rowsToSend(table.rows, header.columns);
    lines.push(...refused);
    lines.push(...(await sendInBatches(send, options, batchSize)));
  }
  await writeReport(reportFile, lines);
  const rowsWith = (outcome: ReportLine['outcome']) =>
    new Set(lines.filter((line) => line.outcome === outcome && line.line !== null).map((line) => line.line)).size;
  return {
    reportFile,
    rows: table.rows.length + new Set(table.broken.map((broken) => broken.line)).size,
    created: rowsWith('CREATED'),
    updated: rowsWith('UPDATED'),
    unchanged: rowsWith('UNCHANGED'),
    stored: rowsWith('STORED'),
    failed: rowsWith('FAILED') + rowsWith('NOT_SENT') + rowsWith('UNCONFIRMED'),
    fileProblem,
    ignoredColumns: header.ignored,
    lines,
  };
}
