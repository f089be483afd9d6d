const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Now, shifted so that its UTC fields read as the calendar in Asia/Shanghai (UTC+8, no
 * daylight saving). Ages and "born in the future" are judged by the local date.
 */
export function shanghaiToday(now: Date = new Date()): Date {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS);
}

/** A time in whole seconds: MySQL's DATETIME keeps no fraction, and a payload should show what is stored. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Now, as it will be stored: in whole seconds. */
export function storedNow(): Date {
  return wholeSeconds(new Date());
}
