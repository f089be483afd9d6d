const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Now, shifted so that its UTC fields read as the calendar in Asia/Shanghai (UTC+8, no
 * daylight saving). Ages and "born in the future" are judged by the local date.
 */
export function shanghaiToday(now: Date = new Date()): Date {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS);
}
