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

const MINUTE = 60_000;

/** The length of an activity's window in whole minutes. */
export function windowMinutes(startsAt: Date, endsAt: Date): number {
  return Math.max(0, Math.floor((endsAt.getTime() - startsAt.getTime()) / MINUTE));
}

/**
 * Minutes of service: the part of [check-in, check-out] inside the activity's window, in
 * whole minutes. Volunteers check in on arrival and out on leaving the site, so travel is
 * outside the interval; arriving early or staying late counts no time outside the window.
 */
export function serviceMinutes(checkedInAt: Date, checkedOutAt: Date, startsAt: Date, endsAt: Date): number {
  const from = Math.max(checkedInAt.getTime(), startsAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / MINUTE));
}
