import { neutraliseCell } from './csv-safe.js';
import { writePrivateFile } from './private-file.js';

/**
 * RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. A
 * field a spreadsheet would run as a formula is neutralised first (`csv-safe.ts`).
 */
function field(value: string | number): string {
  const text = String(neutraliseCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a table as CSV with a BOM and CRLF line ends, which Excel opens as UTF-8, readable
 * by its owner only (0600). Every CSV the scripts write goes through here. (Reading CSV
 * goes through csv-parse; writing needs no more than quoting.)
 */
export async function writeCsv(path: string, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  await writePrivateFile(path, `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`);
}
