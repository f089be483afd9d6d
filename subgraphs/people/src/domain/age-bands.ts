import { latestBirthDateForAge } from './dates.js';

export type AgeBand = 'AGE_0_6' | 'AGE_7_17' | 'AGE_18_34' | 'AGE_35_59' | 'AGE_60_79' | 'AGE_80_PLUS';

export interface AgeBandDefinition {
  band: AgeBand;
  minAge: number;
  maxAge: number | null;
  label: string;
}

/** The bands population statistics count by, youngest first; they cover every age once. */
export const AGE_BANDS: readonly AgeBandDefinition[] = [
  { band: 'AGE_0_6', minAge: 0, maxAge: 6, label: '0–6岁' },
  { band: 'AGE_7_17', minAge: 7, maxAge: 17, label: '7–17岁' },
  { band: 'AGE_18_34', minAge: 18, maxAge: 34, label: '18–34岁' },
  { band: 'AGE_35_59', minAge: 35, maxAge: 59, label: '35–59岁' },
  { band: 'AGE_60_79', minAge: 60, maxAge: 79, label: '60–79岁' },
  { band: 'AGE_80_PLUS', minAge: 80, maxAge: null, label: '80岁及以上' },
];

export function ageBandOf(age: number): AgeBand {
  const found = [...AGE_BANDS].reverse().find((band) => age >= band.minAge);
  return (found ?? AGE_BANDS[0]!).band;
}

/**
 * For SQL: band i holds birth dates after `bounds[i]` and on or before `bounds[i - 1]`
 * (bounds[i] is the latest birth date of someone old enough for band i + 1), so a CASE
 * over birth_date text sorts people into bands without computing ages row by row.
 */
export function ageBandBounds(today: Date): string[] {
  return AGE_BANDS.slice(1).map((band) => latestBirthDateForAge(today, band.minAge));
}
