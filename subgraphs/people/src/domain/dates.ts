/**
 * Calendar dates as the register stores them: `YYYY-MM-DD` text, compared as text. Today
 * is the Asia/Shanghai date (`shanghaiToday` from the kit).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD of a date's UTC fields (pass `shanghaiToday()` for today in Shanghai). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Dates as spreadsheets hold them: 2026-11-29, 2026/11/29, 2026.11.29, 20261129 or
 * 2026年11月29日; single-digit months and days too. Null when it is no real date.
 */
export function parseLooseDate(text: string): string | null {
  const trimmed = text.trim();
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(trimmed);
  if (!match) return null;
  const month = match[2] ?? match[4] ?? '';
  const day = match[3] ?? match[5] ?? '';
  const iso = `${match[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * The latest birth date of someone at least `years` old on `today`: age >= n exactly when
 * birth_date <= this text. It may name a day that does not exist (a 29 February), which
 * is fine for a text comparison.
 */
export function latestBirthDateForAge(today: Date, years: number): string {
  const year = String(today.getUTCFullYear() - years).padStart(4, '0');
  return `${year}${isoDate(today).slice(4)}`;
}
