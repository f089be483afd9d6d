/**
 * Cells a spreadsheet would run: Excel, WPS and LibreOffice read a CSV field that begins
 * with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)` sends data away, `@SUM(...)|cmd`
 * starts programs), and a leading tab or carriage return hides such a start. OWASP's rule
 * for CSV injection: prefix such a field with a single quote, which shows the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written to a CSV file: text that could start a formula gets a leading `'`; numbers stay numbers. */
export function neutraliseCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Whether a text would be read as a formula by a spreadsheet opening a CSV file. */
export const startsFormula = (value: string): boolean => FORMULA_START.test(value);
