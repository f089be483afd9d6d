/** DRAFT → PUBLISHED → ONGOING → FINISHED, or CANCELLED (the flow itself comes with enrolment). */
export const ACTIVITY_STATUSES = ['DRAFT', 'PUBLISHED', 'ONGOING', 'FINISHED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export function isActivityStatus(value: string): value is ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(value);
}

export function parseActivityStatus(value: string): ActivityStatus {
  if (!isActivityStatus(value)) throw new Error(`unknown activity status ${value}`);
  return value;
}
