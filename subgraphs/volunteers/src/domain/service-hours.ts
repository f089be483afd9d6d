/**
 * Service time is kept in whole minutes and served in hours. Minutes are exact in every
 * database; hours with fractions are not (MySQL returns DECIMAL as a string, FLOAT rounds).
 */
export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}
