import { writeFile } from 'node:fs/promises';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a table as CSV with a BOM and CRLF line ends, which Excel opens as UTF-8. (Reading
 * CSV goes through csv-parse; writing needs no more than quoting.)
 */
export async function writeCsv(path: string, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  await writeFile(path, `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`);
}
