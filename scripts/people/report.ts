import { basename, dirname, extname, join } from 'node:path';
import { writeCsv } from './csv-file.js';

/**
 * STORED: the batch's answer never came (the request failed or timed out), and the
 * database, asked afterwards, holds the row. UNCONFIRMED: it could not be asked either.
 */
export type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'STORED' | 'FAILED' | 'NOT_SENT' | 'UNCONFIRMED' | 'NOTE';

export interface ReportLine {
  /** The row's line in the file; null for a problem of the whole file. */
  line: number | null;
  outcome: Outcome;
  code: string;
  /** The column concerned, by its Chinese header. */
  column: string;
  message: string;
  personId: string;
}

const OUTCOME_LABELS: Record<Outcome, string> = {
  CREATED: '新增',
  UPDATED: '更新',
  UNCHANGED: '未变（已登记）',
  STORED: '已导入',
  FAILED: '失败',
  NOT_SENT: '未导入',
  UNCONFIRMED: '未确认',
  NOTE: '提示',
};
export const REPORT_HEADERS = ['行号', '结果', '错误代码', '列', '说明', '人员ID'];

/** people.xlsx → people.导入报告.csv, beside the input. */
export function reportPathFor(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.导入报告.csv`);
}

/** Writes the report as CSV with a BOM, so Excel opens the Chinese text as it is. */
export async function writeReport(path: string, lines: readonly ReportLine[]): Promise<void> {
  const ordered = [...lines].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  await writeCsv(path, [
    REPORT_HEADERS,
    ...ordered.map((line) => [
      line.line ?? '',
      OUTCOME_LABELS[line.outcome],
      line.code,
      line.column,
      line.message,
      line.personId,
    ]),
  ]);
}
