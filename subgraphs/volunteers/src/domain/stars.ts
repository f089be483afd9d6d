/** 星级: one star at 100 confirmed hours, two at 300, three at 600, four at 1,000, five at 1,500. */
export const STAR_THRESHOLD_HOURS = [100, 300, 600, 1000, 1500] as const;

export function starFor(confirmedMinutes: number): number {
  return STAR_THRESHOLD_HOURS.filter((hours) => confirmedMinutes >= hours * 60).length;
}

/** Minutes still needed for the next star, or null at five stars. */
export function minutesToNextStar(confirmedMinutes: number): number | null {
  const next = STAR_THRESHOLD_HOURS.find((hours) => confirmedMinutes < hours * 60);
  return next === undefined ? null : next * 60 - confirmedMinutes;
}
